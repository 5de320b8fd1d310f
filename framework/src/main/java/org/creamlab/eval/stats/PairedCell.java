package org.creamlab.eval.stats;

/**
 * The per-sample outcomes of two methods on one evaluation cell of one fine-tuned model, matched by
 * sample index (both methods saw the same samples).
 *
 * @param a outcomes of the first method (1 right, 0 wrong; any real score works), length n >= 1
 * @param b outcomes of the second method on the same samples, length n
 */
public record PairedCell(double[] a, double[] b) {

    public PairedCell {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("a paired cell needs the same n >= 1 outcomes per method, got "
                    + a.length + " and " + b.length);
        }
        a = a.clone();
        b = b.clone();
    }

    /** Samples in the cell. */
    public int size() {
        return a.length;
    }

    /** {@code mean(a) - mean(b)}. */
    public double difference() {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] - b[i];
        }
        return s / a.length;
    }

    /** The sampling variance of {@link #difference()}: the sample variance of {@code a_i - b_i} over n (0 for n = 1). */
    public double samplingVariance() {
        int n = a.length;
        if (n < 2) {
            return 0;
        }
        double mean = difference();
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = a[i] - b[i] - mean;
            ss += d * d;
        }
        return ss / (n - 1) / n;
    }
}
