package org.creamlab.eval.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Corrections for testing many hypotheses at once: Holm's step-down adjustment (family-wise error,
 * for a few declared primary endpoints) and Benjamini-Hochberg q-values (false discovery rate, for
 * many exploratory cells). Both return adjusted values in the input's order, each in [0, 1].
 */
public final class MultipleTesting {

    private MultipleTesting() {}

    /** Holm-adjusted p-values: sorted ascending, {@code max over j <= i of min(1, (m - j) p_(j))}. */
    public static double[] holm(double[] p) {
        Integer[] order = ascending(p);
        int m = p.length;
        double[] adjusted = new double[m];
        double running = 0;
        for (int i = 0; i < m; i++) {
            running = Math.max(running, Math.min(1, (m - i) * p[order[i]]));
            adjusted[order[i]] = running;
        }
        return adjusted;
    }

    /** Benjamini-Hochberg q-values: sorted ascending, {@code min over j >= i of min(1, m p_(j) / (j + 1))}. */
    public static double[] benjaminiHochberg(double[] p) {
        Integer[] order = ascending(p);
        int m = p.length;
        double[] q = new double[m];
        double running = 1;
        for (int i = m - 1; i >= 0; i--) {
            running = Math.min(running, Math.min(1, m * p[order[i]] / (i + 1)));
            q[order[i]] = running;
        }
        return q;
    }

    private static Integer[] ascending(double[] p) {
        for (double v : p) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("p-values must be in [0, 1], got " + v);
            }
        }
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        return order;
    }
}
