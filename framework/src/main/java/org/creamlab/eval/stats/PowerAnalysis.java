package org.creamlab.eval.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The power of the {@link BaseMeansTest} t test for a design of {@code bases} x {@code seeds}
 * units, given the {@link VarianceComponents}. The standard error of the mean difference is
 * {@code SE = sqrt((between-base + (between-seed + within-model) / seeds) / bases)}; the test's
 * statistic then follows a non-central t with {@code bases - 1} degrees of freedom and
 * non-centrality {@code effect / SE}, whose two tails beyond {@code t(1 - alpha/2)} are integrated
 * numerically (with few bases the usual {@code (t(1-alpha/2) + t(power)) * SE} shortcut is far off;
 * the tests check the integral against simulation and its level at effect 0). The minimum
 * detectable effect is the effect whose power is {@link #power()}.
 *
 * @param alpha the two-sided level the effect must clear (e.g. 0.05 / 4 for Holm over four endpoints)
 * @param power the wanted probability of rejecting when the effect is real, e.g. 0.8
 */
public record PowerAnalysis(double alpha, double power) {

    /** The most bases {@link #basesFor} searches. */
    public static final int MAX_BASES = 1000;
    private static final int INTERVALS = 2000;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    public PowerAnalysis {
        if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException("alpha and power must lie in (0, 1), got " + alpha + ", " + power);
        }
    }

    /** The probability that the two-sided test rejects for a true {@code effect} (NaN with fewer than 2 bases). */
    public double powerFor(double effect, VarianceComponents v, int bases, int seeds) {
        if (bases < 2 || seeds < 1) {
            return Double.NaN;
        }
        double se = Math.sqrt(v.baseMeanVariance(seeds) / bases);
        if (!(se > 0)) {
            // no variance at all: any effect is certain, none is never rejected beyond alpha
            return effect == 0 ? alpha : 1;
        }
        return nonCentralTwoSided(Math.abs(effect) / se, bases - 1);
    }

    /** The minimum detectable effect of a {@code bases} x {@code seeds} design (NaN with fewer than 2 bases). */
    public double minimumDetectableEffect(VarianceComponents v, int bases, int seeds) {
        if (bases < 2 || seeds < 1) {
            return Double.NaN;
        }
        double se = Math.sqrt(v.baseMeanVariance(seeds) / bases);
        if (!(se > 0)) {
            return 0;
        }
        double lo = 0;
        double hi = 1;
        while (nonCentralTwoSided(hi, bases - 1) < power) {
            hi *= 2;
            if (hi > 1e6) {
                return Double.POSITIVE_INFINITY;
            }
        }
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (nonCentralTwoSided(mid, bases - 1) < power) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi * se;
    }

    /** The fewest bases (with {@code seeds} each) whose design detects {@code effect}; -1 beyond {@value #MAX_BASES}. */
    public int basesFor(double effect, VarianceComponents v, int seeds) {
        for (int b = 2; b <= MAX_BASES; b++) {
            if (powerFor(effect, v, b, seeds) >= power) {
                return b;
            }
        }
        return -1;
    }

    /**
     * {@code P(|T| > c)} for T non-central t with {@code df} degrees of freedom and non-centrality
     * {@code lambda}: {@code T = (Z + lambda) / sqrt(V / df)} with V chi-square(df), and
     * {@code |T| > c} exactly when {@code V < df (Z + lambda)^2 / c^2}, so
     * {@code P = E_Z[F_chi2(df (Z + lambda)^2 / c^2)]}: a smooth integrand over the standard normal
     * Z (Simpson's rule on [-10, 10]), exact at every df including 1 and 2 (at lambda = 0 it is alpha).
     */
    private double nonCentralTwoSided(double lambda, int df) {
        double c = new TDistribution(null, df).inverseCumulativeProbability(1 - alpha / 2);
        ChiSquaredDistribution chi = new ChiSquaredDistribution(null, df);
        double h = 20.0 / INTERVALS;
        double sum = 0;
        for (int i = 0; i <= INTERVALS; i++) {
            double z = -10 + i * h;
            double weight = i == 0 || i == INTERVALS ? 1 : (i % 2 == 1 ? 4 : 2);
            double shifted = (z + lambda) / c;
            double x = df * shifted * shifted;
            sum += weight * STANDARD_NORMAL.density(z) * (Double.isFinite(x) ? chi.cumulativeProbability(x) : 1);
        }
        return Math.min(1, sum * h / 3);
    }
}
