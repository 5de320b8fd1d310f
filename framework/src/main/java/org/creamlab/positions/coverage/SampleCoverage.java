package org.creamlab.positions.coverage;

import java.util.List;
import org.creamlab.positions.PositionSample;
import org.creamlab.positions.Segment;

/**
 * The relative-distance coverage of one sample.
 *
 * <p>The bound generalises Theorem B.1 to any segmentation: {@code D_r} is the union of
 * {@code [0, w]} ({@code w} = longest segment minus one) and one cross block per pair of segments
 * {@code a < b} of size {@code len_a + len_b - 1}, so {@code |D_r|} is at most the sum of these
 * block sizes, with equality iff the blocks are disjoint. For three segments this is
 * {@code w + 2N - 2} ({@link TheoremB1#bound}); for PoSE's two chunks {@code w + N}; for one
 * contiguous run {@code N}.
 *
 * @param size {@code |D_r|}
 * @param bound the disjoint-blocks bound (a {@code long}: with many segments it exceeds {@code L})
 * @param widestSpan {@code w}
 * @param group the Theorem B.1 group for head/middle/tail samples, else {@link BoundGroup#NOT_APPLICABLE}
 */
public record SampleCoverage(int size, long bound, int widestSpan, BoundGroup group) {

    /** Whether {@code |D_r|} reaches the bound. */
    public boolean atBound() {
        return size == bound;
    }

    /**
     * Analyses a sample drawn for target length {@code targetLength}. The Theorem B.1 group is
     * evaluated when the sample has three segments, the first starting at id 0 and the last ending
     * at id {@code targetLength - 1}.
     */
    public static SampleCoverage of(PositionSample sample, int targetLength) {
        List<Segment> segments = sample.segments();
        Segment lastSegment = segments.get(segments.size() - 1);
        if (lastSegment.lastPositionId() >= targetLength) {
            throw new IllegalArgumentException("sample reaches id " + lastSegment.lastPositionId()
                    + ", outside target length " + targetLength);
        }
        RelativeDistances distances = RelativeDistances.of(segments);
        int widest = 0;
        long cross = 0;
        for (int b = 0; b < segments.size(); b++) {
            widest = Math.max(widest, segments.get(b).length() - 1);
            for (int a = 0; a < b; a++) {
                cross += segments.get(a).length() + segments.get(b).length() - 1;
            }
        }
        BoundGroup group = BoundGroup.NOT_APPLICABLE;
        if (segments.size() == 3 && segments.get(0).firstPositionId() == 0
                && lastSegment.lastPositionId() == targetLength - 1) {
            Segment middle = segments.get(1);
            group = TheoremB1.group(segments.get(0).length(), middle.firstPositionId(), middle.lastPositionId(),
                    lastSegment.length(), targetLength);
        }
        return new SampleCoverage(distances.size(), widest + 1 + cross, widest, group);
    }
}
