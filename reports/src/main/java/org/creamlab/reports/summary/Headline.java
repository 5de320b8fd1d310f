package org.creamlab.reports.summary;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one-sentence answer at the top of a summary: across the cells where both methods were
 * evaluated, how often {@code a} beats {@code b}, how often significantly (the unit-level test,
 * Benjamini-Hochberg q &lt; 0.05 over the cells: exploratory), and the largest gap each way.
 *
 * @param a label of the first method
 * @param b label of the second
 * @param cells cells compared
 * @param aAhead cells where {@code a}'s pooled accuracy is higher
 * @param bAhead cells where {@code b}'s is higher
 * @param aSignificant of {@code aAhead}, those with q &lt; 0.05
 * @param bSignificant of {@code bAhead}, those with q &lt; 0.05
 * @param largestA the delta most in favour of {@code a}, or null
 * @param largestB the delta most in favour of {@code b}, or null
 */
public record Headline(String a, String b, int cells, int aAhead, int bAhead, int aSignificant, int bSignificant,
                       PairedDelta largestA, PairedDelta largestB) {

    public static final double ALPHA = 0.05;

    public static Headline of(String a, String b, List<PairedDelta> deltas) {
        int aAhead = 0;
        int bAhead = 0;
        int aSig = 0;
        int bSig = 0;
        for (PairedDelta d : deltas) {
            if (d.difference() > 0) {
                aAhead++;
                aSig += d.significant(ALPHA) ? 1 : 0;
            } else if (d.difference() < 0) {
                bAhead++;
                bSig += d.significant(ALPHA) ? 1 : 0;
            }
        }
        PairedDelta maxA = deltas.stream().filter(d -> d.difference() > 0)
                .max(Comparator.comparingDouble(PairedDelta::difference)).orElse(null);
        PairedDelta maxB = deltas.stream().filter(d -> d.difference() < 0)
                .min(Comparator.comparingDouble(PairedDelta::difference)).orElse(null);
        return new Headline(a, b, deltas.size(), aAhead, bAhead, aSig, bSig, maxA, maxB);
    }

    /** E.g. {@code CREAM ahead of PoSE in 9 of 12 cells (4 significant at p < 0.05), PoSE ahead in 2 (0); ...}. */
    public String sentence() {
        if (cells == 0) {
            return a + " and " + b + " were not both evaluated on any cell.";
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Exploratory, per cell: %s ahead of %s in %d of %d cells (%d with q < 0.05, unit-level test, Benjamini-Hochberg); %s ahead in %d (%d)",
                a, b, aAhead, cells, aSignificant, b, bAhead, bSignificant));
        if (largestA != null) {
            s.append(String.format(Locale.ROOT, "; largest %s lead %+.1f points at %s", a, 100 * largestA.difference(),
                    Cells.fullLabel(largestA.cell())));
        }
        if (largestB != null) {
            s.append(String.format(Locale.ROOT, "; largest %s lead %+.1f points at %s", b, -100 * largestB.difference(),
                    Cells.fullLabel(largestB.cell())));
        }
        return s.append('.').toString();
    }
}
