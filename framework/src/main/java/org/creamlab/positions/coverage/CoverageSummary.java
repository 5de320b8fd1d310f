package org.creamlab.positions.coverage;

import java.util.List;
import java.util.Map;

/**
 * Relative-distance coverage over many samples of one scheme.
 *
 * @param samples number of samples
 * @param targetLength {@code L}; distances are counted in {@code [0, L)}
 * @param coveredFraction fraction of distances in {@code [0, L)} trained by at least one sample
 * @param meanSize mean {@code |D_r|}
 * @param meanBound mean disjoint-blocks bound ({@link SampleCoverage#bound()})
 * @param atBoundFraction fraction of samples whose {@code |D_r|} equals the bound
 * @param groups number of samples per Theorem B.1 group
 * @param binRates for {@code bins} equal bins of {@code [0, L)}, the mean over the bin's distances of
 *     the fraction of samples that train the distance
 */
public record CoverageSummary(int samples, int targetLength, double coveredFraction, double meanSize,
        double meanBound, double atBoundFraction, Map<BoundGroup, Integer> groups, List<Double> binRates) {

    public CoverageSummary {
        groups = Map.copyOf(groups);
        binRates = List.copyOf(binRates);
    }
}
