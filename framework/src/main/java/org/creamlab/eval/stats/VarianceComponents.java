package org.creamlab.eval.stats;

import java.util.List;

/**
 * Where the variance of a paired difference (e.g. CREAM - PoSE on an endpoint) comes from, in a
 * design of units (fine-tuned models) nested in bases, estimated by the method of moments and
 * truncated at 0:
 * <ul>
 *   <li>within-model: the binomial (sample) variance of one unit's difference, the mean of
 *       {@link PairedUnit#samplingVariance()};</li>
 *   <li>between seeds: {@code max(0, MS_within_base - within)}, where {@code MS_within_base} is the
 *       pooled variance of the units' differences around their base's mean;</li>
 *   <li>between bases: {@code max(0, var(base means) - MS_within_base / S)}, with S the harmonic
 *       mean of units per base.</li>
 * </ul>
 * A component the design cannot separate (one base, or no base with two seeds) is NaN.
 *
 * @param betweenBase variance of the base effect
 * @param betweenSeed variance of the fine-tuning seed effect within a base
 * @param withinModel mean sampling variance of one unit's difference
 */
public record VarianceComponents(double betweenBase, double betweenSeed, double withinModel) {

    public static VarianceComponents of(List<PairedUnit> units) {
        List<List<PairedUnit>> bases = HierarchicalBootstrap.byBase(units);
        double within = units.stream().mapToDouble(PairedUnit::samplingVariance).average().orElseThrow();
        double ss = 0;
        int df = 0;
        double[] means = new double[bases.size()];
        double inverseSizes = 0;
        for (int b = 0; b < bases.size(); b++) {
            List<PairedUnit> base = bases.get(b);
            double mean = base.stream().mapToDouble(PairedUnit::difference).average().orElseThrow();
            means[b] = mean;
            for (PairedUnit u : base) {
                ss += (u.difference() - mean) * (u.difference() - mean);
            }
            df += base.size() - 1;
            inverseSizes += 1.0 / base.size();
        }
        double msWithin = df > 0 ? ss / df : Double.NaN;
        double seed = df > 0 ? Math.max(0, msWithin - within) : Double.NaN;
        double base = Double.NaN;
        if (bases.size() > 1) {
            double grand = 0;
            for (double m : means) {
                grand += m;
            }
            grand /= means.length;
            double vb = 0;
            for (double m : means) {
                vb += (m - grand) * (m - grand);
            }
            vb /= means.length - 1;
            double harmonicSize = bases.size() / inverseSizes;
            double residual = df > 0 ? msWithin : within;
            base = Math.max(0, vb - residual / harmonicSize);
        }
        return new VarianceComponents(base, seed, within);
    }

    /** The sum of the components that are defined. */
    public double total() {
        return finite(betweenBase) + finite(betweenSeed) + finite(withinModel);
    }

    /** Each component's share of {@link #total()} (NaN for an undefined one; all NaN when the total is 0). */
    public double[] shares() {
        double t = total();
        return new double[] {betweenBase / t, betweenSeed / t, withinModel / t};
    }

    /** The variance of one base's mean over {@code seeds} units (undefined components count as 0). */
    public double baseMeanVariance(int seeds) {
        return finite(betweenBase) + (finite(betweenSeed) + withinModel) / seeds;
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
