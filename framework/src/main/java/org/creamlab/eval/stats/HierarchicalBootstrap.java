package org.creamlab.eval.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A 95% percentile interval for the mean paired difference over units that resamples every level of
 * the design: bases with replacement, then the fine-tuning seeds of each drawn base with replacement,
 * then the samples of each cell with replacement (the same indices for both methods, which saw the
 * same samples). The estimate is the mean of the base means of {@link PairedUnit#difference()}
 * (every base weighs the same, as in {@link BaseMeansTest}), and so is each replicate.
 */
public final class HierarchicalBootstrap {

    private HierarchicalBootstrap() {}

    /**
     * @param units at least one
     * @param resamples bootstrap replicates, at least 100
     * @param rng the only source of randomness (seed it for reproducible intervals)
     */
    public static Interval interval(List<PairedUnit> units, int resamples, RandomGenerator rng) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("setting 'units': the bootstrap needs at least one unit");
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("setting 'resamples' must be >= 100, got " + resamples);
        }
        List<List<PairedUnit>> bases = byBase(units);
        double estimate = bases.stream()
                .mapToDouble(b -> b.stream().mapToDouble(PairedUnit::difference).average().orElseThrow())
                .average().orElseThrow();
        double[] replicates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int b = 0; b < bases.size(); b++) {
                List<PairedUnit> base = bases.get(rng.nextInt(bases.size()));
                double baseSum = 0;
                for (int s = 0; s < base.size(); s++) {
                    baseSum += resampledDifference(base.get(rng.nextInt(base.size())), rng);
                }
                sum += baseSum / base.size();
            }
            replicates[r] = sum / bases.size();
        }
        Arrays.sort(replicates);
        return new Interval(estimate, quantile(replicates, 0.025), quantile(replicates, 0.975));
    }

    /** Units grouped by base, in first-seen order. */
    static List<List<PairedUnit>> byBase(List<PairedUnit> units) {
        Map<String, List<PairedUnit>> grouped = new LinkedHashMap<>();
        units.forEach(u -> grouped.computeIfAbsent(u.base(), k -> new ArrayList<>()).add(u));
        return List.copyOf(grouped.values());
    }

    private static double resampledDifference(PairedUnit unit, RandomGenerator rng) {
        double sum = 0;
        for (PairedCell cell : unit.cells()) {
            int n = cell.size();
            double d = 0;
            for (int i = 0; i < n; i++) {
                int k = rng.nextInt(n);
                d += cell.a()[k] - cell.b()[k];
            }
            sum += d / n;
        }
        return sum / unit.cells().size();
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
