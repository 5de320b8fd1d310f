package org.creamlab.eval.stats;

/** Wilson score intervals for a binomial proportion. */
public final class Wilson {

    /** The 0.975 standard normal quantile. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {}

    /**
     * The Wilson 95% interval of {@code successes} out of {@code n}:
     * {@code (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)}.
     */
    public static Interval interval95(int successes, int n) {
        return interval(successes, n, Z95);
    }

    /** The Wilson interval with normal quantile {@code z}. */
    public static Interval interval(int successes, int n, double z) {
        if (n < 1 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n and n >= 1, got " + successes + " of " + n);
        }
        double p = (double) successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
