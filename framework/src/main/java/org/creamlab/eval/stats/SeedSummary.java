package org.creamlab.eval.stats;

/** Mean and Student-t 95% interval of a metric across seeds. */
public final class SeedSummary {

    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    private SeedSummary() {}

    /**
     * {@code mean +- t(0.975, n-1) * sd / sqrt(n)}; with one value the interval is the value itself.
     * Beyond 30 degrees of freedom the normal quantile is used.
     */
    public static Interval of(double[] values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("need at least one seed's value");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n == 1) {
            return new Interval(mean, mean, mean);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = n - 1 <= T975.length ? T975[n - 2] : Wilson.Z95;
        double half = t * sd / Math.sqrt(n);
        return new Interval(mean, mean - half, mean + half);
    }
}
