package org.creamlab.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.creamlab.eval.stats.Interval;
import org.creamlab.eval.stats.McNemar;
import org.creamlab.eval.stats.PairedBootstrap;

/**
 * Paired comparison of two methods scored on the same evaluation set: per cell and pooled over all
 * cells, McNemar's exact test on the discordant samples and a seeded paired bootstrap of the accuracy
 * difference (A minus B).
 */
public final class PairedComparison {

    private PairedComparison() {}

    /**
     * One comparison.
     *
     * @param cell the cell, or null for all cells pooled
     * @param accuracyA accuracy of A
     * @param accuracyB accuracy of B
     * @param onlyA samples A got right and B wrong
     * @param onlyB samples B got right and A wrong
     * @param mcnemarP McNemar's exact two-sided p-value
     * @param bootstrap the paired bootstrap difference and p-value
     */
    public record Comparison(EvalCell cell, double accuracyA, double accuracyB, int onlyA, int onlyB, double mcnemarP,
            PairedBootstrap.Result bootstrap) {

        /** The difference A - B with its bootstrap 95% interval. */
        public Interval difference() {
            return bootstrap.difference();
        }
    }

    /**
     * Compares per cell, then pooled (last in the list).
     *
     * @param teacherForced compare teacher-forced exact match instead of greedy accuracy
     * @throws IllegalArgumentException if the runs were not on the same evaluation set
     */
    public static List<Comparison> compare(EvalResult a, EvalResult b, boolean teacherForced, int resamples, long seed) {
        if (a.setFingerprint() != b.setFingerprint() || a.cells().size() != b.cells().size()) {
            throw new IllegalArgumentException("the two runs were scored on different evaluation sets (seeds "
                    + a.setSeed() + " and " + b.setSeed() + "): a paired comparison needs the same set");
        }
        List<Comparison> out = new ArrayList<>();
        List<Boolean> allA = new ArrayList<>();
        List<Boolean> allB = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < a.cells().size(); i++) {
            boolean[] x = a.cells().get(i).outcomes(teacherForced);
            boolean[] y = b.cells().get(i).outcomes(teacherForced);
            out.add(compare(a.cells().get(i).cell(), x, y, resamples, rng));
            for (int j = 0; j < x.length; j++) {
                allA.add(x[j]);
                allB.add(y[j]);
            }
        }
        out.add(compare(null, unbox(allA), unbox(allB), resamples, rng));
        return out;
    }

    /** Compares two paired outcome vectors. */
    public static Comparison compare(EvalCell cell, boolean[] a, boolean[] b, int resamples, SplittableRandom rng) {
        int[] discordant = McNemar.discordant(a, b);
        PairedBootstrap.Result boot = PairedBootstrap.compare(toDoubles(a), toDoubles(b), resamples, rng);
        return new Comparison(cell, mean(a), mean(b), discordant[0], discordant[1],
                McNemar.exactPValue(discordant[0], discordant[1]), boot);
    }

    private static boolean[] unbox(List<Boolean> list) {
        boolean[] out = new boolean[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    private static double[] toDoubles(boolean[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] ? 1 : 0;
        }
        return d;
    }

    private static double mean(boolean[] x) {
        return java.util.Arrays.stream(toDoubles(x)).average().orElse(Double.NaN);
    }
}
