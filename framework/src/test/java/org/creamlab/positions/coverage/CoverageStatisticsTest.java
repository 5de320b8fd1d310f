package org.creamlab.positions.coverage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.creamlab.positions.ContiguousScheme;
import org.creamlab.positions.PositionSample;
import org.creamlab.positions.PositionSampler;
import org.creamlab.positions.Segment;
import org.creamlab.positions.WindowExtension;
import org.junit.jupiter.api.Test;

class CoverageStatisticsTest {

    @Test
    void contiguousCoversExactlyTheWindow() {
        WindowExtension extension = new WindowExtension(16, 4);
        CoverageStatistics stats = new CoverageStatistics(64);
        PositionSampler sampler = new ContiguousScheme(extension, ContiguousScheme.Span.WINDOW)
                .sampler(new SplittableRandom(1));
        for (int i = 0; i < 10; i++) {
            stats.add(sampler.next(64));
        }
        CoverageSummary summary = stats.summary(4);
        assertEquals(0.25, summary.coveredFraction());
        assertEquals(List.of(1.0, 0.0, 0.0, 0.0), summary.binRates());
        assertEquals(16.0, summary.meanSize());
        assertEquals(1.0, summary.atBoundFraction());
        assertEquals(10, summary.groups().get(BoundGroup.NOT_APPLICABLE));
    }

    @Test
    void countsHowManySamplesTrainEachDistance() {
        CoverageStatistics stats = new CoverageStatistics(12);
        // ids {0,1,10,11}: D_r = {0,1} u [9, 11]; ids {0,1,2,3}: D_r = [0, 3]
        stats.add(new PositionSample("x", "x", 12, List.of(new Segment("a", 0, 2, 0, 0),
                new Segment("b", 2, 2, 10, 2)), Map.of()));
        stats.add(new PositionSample("x", "x", 12, List.of(new Segment("a", 0, 4, 0, 0)), Map.of()));
        assertArrayEquals(new long[] {2, 2, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1}, stats.samplesPerDistance());
        CoverageSummary summary = stats.summary(3);
        assertEquals(7 / 12.0, summary.coveredFraction(), 1e-12);
        assertEquals(List.of(6 / 8.0, 0.0, 3 / 8.0), summary.binRates());
        assertEquals(4.5, summary.meanSize());
    }
}
