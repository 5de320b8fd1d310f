package org.creamlab.positions.remap;

import java.util.function.DoubleUnaryOperator;

/**
 * One region of an inference-time position remapping: the query-key pairs whose relative distance
 * {@code r = i - j} lies in {@code [from, to)} get their attention score from queries rotated at
 * {@code queryPosition(i)} and keys rotated at {@code keyPosition(j)}, so their RoPE phase is that of the
 * relative distance {@code queryPosition(i) - keyPosition(j)}. A model computes one score matrix per
 * region and takes each pair's score from its region.
 *
 * @param from the smallest relative distance of the region (inclusive, {@code >= 0})
 * @param to the end of the region's distances (exclusive; {@link Integer#MAX_VALUE} for no end)
 * @param queryPosition the position a query at index {@code i} is rotated to
 * @param keyPosition the position a key at index {@code j} is rotated to
 */
public record RemapRegion(int from, int to, DoubleUnaryOperator queryPosition, DoubleUnaryOperator keyPosition) {

    public RemapRegion {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("a region needs 0 <= from < to, got [" + from + ", " + to + ")");
        }
    }

    /** The identity region: plain positions for distances in {@code [from, to)}. */
    public static RemapRegion plain(int from, int to) {
        return new RemapRegion(from, to, i -> i, j -> j);
    }

    /** Whether the pair at relative distance {@code r} belongs here. */
    public boolean contains(int r) {
        return r >= from && r < to;
    }

    /** The relative distance whose phase the pair {@code (i, j)} gets in this region. */
    public double relative(int query, int key) {
        return queryPosition.applyAsDouble(query) - keyPosition.applyAsDouble(key);
    }
}
