package org.creamlab.eval.stats;

import java.util.random.RandomGenerator;

/**
 * The paired sign-flip permutation test over units (e.g. one CREAM - PoSE difference per fine-tuned
 * model): under the null of no effect each unit's difference is as likely negative as positive, so
 * the observed mean is compared with the means of every sign pattern. This is the test to use when
 * the unit of replication is the fine-tuned model, not the evaluation sample: the between-model
 * variance is in the differences themselves.
 */
public final class SignFlipTest {

    /** Up to this many units the 2^n sign patterns are enumerated: the p-value is exact. */
    public static final int EXACT_UP_TO = 16;

    private SignFlipTest() {}

    /**
     * Two-sided p-value {@code P(|mean of flipped differences| >= |observed mean|)}: exact up to
     * {@value #EXACT_UP_TO} units, else from {@code resamples} random sign patterns drawn from
     * {@code rng} (with the observed pattern counted, so never 0).
     *
     * @param differences one paired difference per unit, at least one
     * @throws IllegalArgumentException on no units, a non-finite difference or fewer than 1 resample
     */
    public static double pValue(double[] differences, int resamples, RandomGenerator rng) {
        int n = differences.length;
        if (n == 0) {
            throw new IllegalArgumentException("setting 'units': the sign-flip test needs at least one unit");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("setting 'resamples' must be >= 1, got " + resamples);
        }
        double observed = 0;
        for (double d : differences) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("unit differences must be finite, got " + d);
            }
            observed += d;
        }
        double threshold = Math.abs(observed) - 1e-12 * (1 + Math.abs(observed));
        if (n <= EXACT_UP_TO) {
            long patterns = 1L << n;
            long atLeast = 0;
            for (long mask = 0; mask < patterns; mask++) {
                if (Math.abs(flippedSum(differences, mask)) >= threshold) {
                    atLeast++;
                }
            }
            return (double) atLeast / patterns;
        }
        long atLeast = 1;
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (double d : differences) {
                sum += rng.nextBoolean() ? d : -d;
            }
            if (Math.abs(sum) >= threshold) {
                atLeast++;
            }
        }
        return (double) atLeast / (resamples + 1);
    }

    private static double flippedSum(double[] d, long mask) {
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            sum += ((mask >>> i) & 1) == 0 ? d[i] : -d[i];
        }
        return sum;
    }
}
