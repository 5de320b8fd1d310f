package org.creamlab.train;

import java.util.Arrays;
import org.creamlab.data.TargetClass;

/**
 * Summed next-token loss and target counts per {@link TargetClass}, so that loss curves compare
 * across methods whose batches mix the classes differently (a flat total says nothing about a class
 * that is a few percent of it).
 *
 * @param sums per class ordinal, the summed negative log-likelihood of its targets
 * @param counts per class ordinal, the number of its targets
 */
public record ClassLosses(double[] sums, long[] counts) {

    /** No targets at all (a batch source without labels). */
    public static final ClassLosses NONE = new ClassLosses(new double[TargetClass.values().length],
            new long[TargetClass.values().length]);

    public ClassLosses {
        if (sums.length != TargetClass.values().length || counts.length != sums.length) {
            throw new IllegalArgumentException("one sum and one count per target class");
        }
        sums = sums.clone();
        counts = counts.clone();
    }

    /** Adds the per-token losses {@code nll[b * T + t]} of a labelled batch. */
    static ClassLosses of(TargetLabels labels, float[] nll, int length) {
        double[] s = new double[TargetClass.values().length];
        long[] c = new long[s.length];
        TargetClass[][] classes = labels.classes();
        for (int b = 0; b < classes.length; b++) {
            for (int t = 0; t < length; t++) {
                int k = classes[b][t].ordinal();
                if (k != TargetClass.NONE.ordinal()) {
                    s[k] += nll[b * length + t];
                    c[k]++;
                }
            }
        }
        return new ClassLosses(s, c);
    }

    public ClassLosses plus(ClassLosses o) {
        double[] s = sums.clone();
        long[] c = counts.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += o.sums[i];
            c[i] += o.counts[i];
        }
        return new ClassLosses(s, c);
    }

    /** The mean loss of a class's targets, or NaN when it had none. */
    public double mean(TargetClass c) {
        long n = counts[c.ordinal()];
        return n == 0 ? Double.NaN : sums[c.ordinal()] / n;
    }

    public long count(TargetClass c) {
        return counts[c.ordinal()];
    }

    @Override
    public double[] sums() {
        return sums.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassLosses l && Arrays.equals(sums, l.sums) && Arrays.equals(counts, l.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(sums) + Arrays.hashCode(counts);
    }
}
