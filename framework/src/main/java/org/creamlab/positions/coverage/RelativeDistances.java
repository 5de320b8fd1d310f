package org.creamlab.positions.coverage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.creamlab.positions.Segment;

/**
 * The relative-distance set {@code D_r = { p_j - p_i : i <= j }} of one sample's position ids
 * (spec 7.2, the reconstructed Definition 2.1): the distances a causal RoPE model is trained on in
 * that sample. Held as sorted, disjoint, non-adjacent ranges.
 *
 * <p>Computed from runs of consecutive ids: a run of length {@code l} gives {@code [0, l-1]}; two
 * runs {@code [a0, a1]} before {@code [b0, b1]} give {@code [b0 - a1, b1 - a0]}. Cost is
 * {@code O(R^2)} for {@code R} runs plus {@code O(L / 64)}.
 */
public final class RelativeDistances {

    private final List<DistanceRange> ranges;
    private final int size;

    private RelativeDistances(List<DistanceRange> ranges) {
        this.ranges = List.copyOf(ranges);
        int total = 0;
        for (DistanceRange r : this.ranges) {
            total += r.size();
        }
        this.size = total;
    }

    /** {@code D_r} of a sample given by its segments (each a run of consecutive ids). */
    public static RelativeDistances of(List<Segment> segments) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("segments must not be empty");
        }
        int widest = 0;
        int maxDistance = segments.get(segments.size() - 1).lastPositionId() - segments.get(0).firstPositionId();
        BitSet distances = new BitSet(maxDistance + 1);
        for (int b = 0; b < segments.size(); b++) {
            Segment later = segments.get(b);
            widest = Math.max(widest, later.length());
            for (int a = 0; a < b; a++) {
                Segment earlier = segments.get(a);
                distances.set(later.firstPositionId() - earlier.lastPositionId(),
                        later.lastPositionId() - earlier.firstPositionId() + 1);
            }
        }
        distances.set(0, widest);
        return fromBits(distances);
    }

    /** {@code D_r} of strictly increasing position ids. */
    public static RelativeDistances ofPositions(int[] positionIds) {
        List<Segment> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= positionIds.length; i++) {
            if (i < positionIds.length && positionIds[i] <= positionIds[i - 1]) {
                throw new IllegalArgumentException("position ids must be strictly increasing at index " + i);
            }
            if (i == positionIds.length || positionIds[i] != positionIds[i - 1] + 1) {
                runs.add(new Segment("run", start, i - start, positionIds[start], start));
                start = i;
            }
        }
        return of(runs);
    }

    private static RelativeDistances fromBits(BitSet bits) {
        List<DistanceRange> ranges = new ArrayList<>();
        for (int low = bits.nextSetBit(0); low >= 0; ) {
            int after = bits.nextClearBit(low);
            ranges.add(new DistanceRange(low, after - 1));
            low = bits.nextSetBit(after);
        }
        return new RelativeDistances(ranges);
    }

    /** The sorted, disjoint, non-adjacent ranges whose union is {@code D_r}. */
    public List<DistanceRange> ranges() {
        return ranges;
    }

    /** {@code |D_r|}, the "spanning size". */
    public int size() {
        return size;
    }

    public boolean contains(int distance) {
        for (DistanceRange r : ranges) {
            if (r.contains(distance)) {
                return true;
            }
        }
        return false;
    }
}
