package org.creamlab.positions.coverage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.creamlab.positions.PositionSample;

/**
 * Accumulates, over many samples of one scheme, how often each relative distance in
 * {@code [0, L)} is trained (is in a sample's {@code D_r}), together with the per-sample
 * {@link SampleCoverage}. Not thread-safe: one accumulator per stream.
 */
public final class CoverageStatistics {

    private final int targetLength;
    private final long[] difference;
    private final Map<BoundGroup, Integer> groups = new EnumMap<>(BoundGroup.class);
    private int samples;
    private double sizeSum;
    private double boundSum;
    private int atBound;

    /** @param targetLength {@code L}, at least 1 */
    public CoverageStatistics(int targetLength) {
        if (targetLength < 1) {
            throw new IllegalArgumentException("targetLength must be >= 1, got " + targetLength);
        }
        this.targetLength = targetLength;
        this.difference = new long[targetLength + 1];
        for (BoundGroup g : BoundGroup.values()) {
            groups.put(g, 0);
        }
    }

    /** Adds one sample; its ids must lie in {@code [0, L)}. */
    public void add(PositionSample sample) {
        SampleCoverage coverage = SampleCoverage.of(sample, targetLength);
        for (DistanceRange range : RelativeDistances.of(sample.segments()).ranges()) {
            difference[range.low()]++;
            difference[range.high() + 1]--;
        }
        samples++;
        sizeSum += coverage.size();
        boundSum += coverage.bound();
        if (coverage.atBound()) {
            atBound++;
        }
        groups.merge(coverage.group(), 1, Integer::sum);
    }

    public int samples() {
        return samples;
    }

    /** For each distance {@code d} in {@code [0, L)}, the number of samples whose {@code D_r} contains it. */
    public long[] samplesPerDistance() {
        long[] counts = new long[targetLength];
        long running = 0;
        for (int d = 0; d < targetLength; d++) {
            running += difference[d];
            counts[d] = running;
        }
        return counts;
    }

    /**
     * The summary so far.
     *
     * @param bins number of equal bins of {@code [0, L)} for {@link CoverageSummary#binRates()}, in {@code [1, L]}
     */
    public CoverageSummary summary(int bins) {
        if (bins < 1 || bins > targetLength) {
            throw new IllegalArgumentException("bins must be in [1, " + targetLength + "], got " + bins);
        }
        if (samples == 0) {
            throw new IllegalStateException("no samples added");
        }
        long[] counts = samplesPerDistance();
        int covered = 0;
        for (long c : counts) {
            if (c > 0) {
                covered++;
            }
        }
        List<Double> rates = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            int from = (int) ((long) b * targetLength / bins);
            int to = (int) ((long) (b + 1) * targetLength / bins);
            double sum = 0;
            for (int d = from; d < to; d++) {
                sum += counts[d];
            }
            rates.add(sum / ((double) (to - from) * samples));
        }
        return new CoverageSummary(samples, targetLength, covered / (double) targetLength, sizeSum / samples,
                boundSum / samples, atBound / (double) samples, groups, rates);
    }
}
