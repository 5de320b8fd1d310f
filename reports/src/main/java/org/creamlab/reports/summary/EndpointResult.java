package org.creamlab.reports.summary;

import java.util.List;
import org.creamlab.eval.stats.Interval;
import org.creamlab.eval.stats.VarianceComponents;
import org.creamlab.metric.Endpoint;

/**
 * One primary endpoint's comparison of two arms over the units of replication.
 *
 * @param endpoint the declared endpoint
 * @param a the first arm (CREAM)
 * @param b the second arm (PoSE)
 * @param bases bases with at least one unit
 * @param units units (base x seed) with both arms
 * @param meanA mean over units of arm a's endpoint accuracy
 * @param meanB the same for arm b
 * @param difference mean over units of {@code a - b}, with the hierarchical bootstrap 95% interval
 * @param tP the two-sided t-test p-value over base means (NaN with one base)
 * @param signFlipP the exact sign-flip p-value over base means
 * @param holmP {@code tP} adjusted by Holm over the declared endpoints (NaN until set)
 * @param components where the variance of {@code a - b} comes from
 * @param mde the minimum detectable effect at 80% power and two-sided alpha 0.05 / endpoints, for this design
 * @param basesForTenPoints bases (with this design's seeds per base) a 10-point effect needs; -1 beyond the search
 * @param perBase per base: its units' mean {@code a - b} with a bootstrap interval over its seeds and samples
 */
public record EndpointResult(Endpoint endpoint, Arm a, Arm b, int bases, int units, double meanA, double meanB,
                             Interval difference, double tP, double signFlipP, double holmP,
                             VarianceComponents components, double mde, int basesForTenPoints, List<BaseEstimate> perBase) {

    public EndpointResult {
        perBase = List.copyOf(perBase);
    }

    /** This result with its Holm-adjusted p-value. */
    public EndpointResult withHolm(double p) {
        return new EndpointResult(endpoint, a, b, bases, units, meanA, meanB, difference, tP, signFlipP, p, components,
                mde, basesForTenPoints, perBase);
    }

    /**
     * One base's estimate.
     *
     * @param base the base
     * @param units its units
     * @param difference mean {@code a - b} over its units with a bootstrap interval (seeds, then samples)
     */
    public record BaseEstimate(String base, int units, Interval difference) {}
}
