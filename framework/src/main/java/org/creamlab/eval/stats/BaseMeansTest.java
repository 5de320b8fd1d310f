package org.creamlab.eval.stats;

import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The paired test of a design whose units (fine-tuned models) are nested in bases: units of one
 * base share that base's random effect, so they are not independent, and the test is run on the
 * base means (each the mean of its units' differences). Primary: a one-sample Student t test of the
 * base means against 0 with {@code bases - 1} degrees of freedom. Also: the exact sign-flip test of
 * the base means, which assumes only symmetry, but whose smallest two-sided p-value is
 * {@code 2 / 2^bases} (0.0625 with 5 bases).
 */
public final class BaseMeansTest {

    private BaseMeansTest() {}

    /**
     * @param bases number of bases
     * @param mean mean of the base means
     * @param t the t statistic (NaN with one base; infinite when the base means agree exactly and are not 0)
     * @param pValue two-sided t-test p-value (NaN with one base)
     * @param signFlipP the exact two-sided sign-flip p-value of the base means
     */
    public record Result(int bases, double mean, double t, double pValue, double signFlipP) {}

    /** @param units at least one; grouped by {@link PairedUnit#base()} */
    public static Result of(List<PairedUnit> units) {
        List<List<PairedUnit>> bases = HierarchicalBootstrap.byBase(units);
        double[] means = new double[bases.size()];
        for (int b = 0; b < means.length; b++) {
            means[b] = bases.get(b).stream().mapToDouble(PairedUnit::difference).average().orElseThrow();
        }
        return ofBaseMeans(means);
    }

    /** The same from the base means themselves. */
    public static Result ofBaseMeans(double[] means) {
        int n = means.length;
        if (n == 0) {
            throw new IllegalArgumentException("setting 'bases': the test needs at least one base");
        }
        double mean = StatUtils.mean(means);
        double signFlip = SignFlipTest.pValue(means, 20_000, new java.util.SplittableRandom(n));
        if (n < 2) {
            return new Result(n, mean, Double.NaN, Double.NaN, signFlip);
        }
        double se = Math.sqrt(StatUtils.variance(means, mean) / n);
        if (se == 0) {
            boolean zero = Math.abs(mean) < 1e-15;
            return new Result(n, mean, zero ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean), zero ? 1 : 0, signFlip);
        }
        TTest test = new TTest();
        double t = test.t(0, means);
        double p = test.tTest(0, means);
        return new Result(n, mean, t, p, signFlip);
    }
}
