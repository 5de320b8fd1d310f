package org.creamlab.eval.stats;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Paired bootstrap of the difference in mean score between two methods scored on the same samples:
 * resample sample indices with replacement, recompute {@code mean(a) - mean(b)}.
 */
public final class PairedBootstrap {

    private PairedBootstrap() {}

    /**
     * The result.
     *
     * @param difference observed {@code mean(a) - mean(b)} with the 95% percentile interval
     * @param pValue two-sided: {@code min(1, 2 min(P*(d <= 0), P*(d >= 0)))} over the resamples
     */
    public record Result(Interval difference, double pValue) {}

    /**
     * @param a per-sample scores of method A
     * @param b per-sample scores of method B, same samples, same order
     * @param resamples number of bootstrap resamples, at least 1
     * @param rng the seeded source of the resampling
     */
    public static Result compare(double[] a, double[] b, int resamples, RandomGenerator rng) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("paired scores must be non-empty and of equal length: " + a.length
                    + " vs " + b.length);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("setting 'resamples' must be >= 1, got " + resamples);
        }
        int n = a.length;
        double[] d = new double[resamples];
        int atMostZero = 0;
        int atLeastZero = 0;
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                int j = rng.nextInt(n);
                sum += a[j] - b[j];
            }
            d[r] = sum / n;
            if (d[r] <= 0) {
                atMostZero++;
            }
            if (d[r] >= 0) {
                atLeastZero++;
            }
        }
        Arrays.sort(d);
        double observed = 0;
        for (int i = 0; i < n; i++) {
            observed += a[i] - b[i];
        }
        observed /= n;
        Interval ci = new Interval(observed, quantile(d, 0.025), quantile(d, 0.975));
        double p = Math.min(1, 2.0 * Math.min(atMostZero, atLeastZero) / resamples);
        return new Result(ci, p);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
