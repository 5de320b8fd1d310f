package org.creamlab.positions.remap;

import java.util.List;

/**
 * Self-Extend (Jin et al. 2024, "LLM Maybe LongLM"): exact positions inside a neighbour window of
 * {@code W} tokens, floor-grouped positions beyond it. With {@code r = i - j}:
 * {@code r' = r} for {@code r < W}, else {@code r' = floor(i / G) - floor(j / G) + W - floor(W / G)}:
 * keys at {@code floor(j / G)}, queries at {@code floor(i / G) + W - floor(W / G)}, shifted so the two
 * parts meet at the window's edge. {@code G = 1} or {@code W} at least the sequence is plain attention.
 *
 * @param window the neighbour window {@code W >= 1}
 * @param group the group size {@code G >= 1}, at most {@code W}
 */
public record SelfExtend(int window, int group) implements PositionRemap {

    public SelfExtend {
        if (window < 1) {
            throw new IllegalArgumentException("setting 'window' (Self-Extend W): must be >= 1, got " + window);
        }
        if (group < 1 || group > window) {
            throw new IllegalArgumentException("setting 'group' (Self-Extend G): must be in [1, W = " + window + "], got " + group);
        }
    }

    @Override
    public String name() {
        return "self-extend";
    }

    @Override
    public List<RemapRegion> regions(int head, int heads) {
        int shift = window - window / group;
        return List.of(RemapRegion.plain(0, window),
                new RemapRegion(window, Integer.MAX_VALUE, i -> Math.floor(i / group) + shift, j -> Math.floor(j / group)));
    }

    @Override
    public double relative(int head, int heads, int query, int key) {
        int r = query - key;
        return r < window ? r : Math.floorDiv(query, group) - Math.floorDiv(key, group) + window - window / group;
    }
}
