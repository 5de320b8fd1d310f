package org.creamlab.positions.remap;

import java.util.List;

/**
 * An inference-time (training-free) position remapping for causal attention: for query index
 * {@code i}, key index {@code j <= i} and head {@code h}, the relative distance whose RoPE phase their
 * score gets. Every method is written as regions of relative distance ({@link RemapRegion}), each with
 * its own query and key positions; {@link #relative} is the method's formula, written independently of
 * the regions so that each can check the other.
 */
public interface PositionRemap {

    /** The method's name, e.g. {@code self-extend}. */
    String name();

    /**
     * The regions for head {@code head} of {@code heads}: disjoint, ordered, covering every distance from 0.
     */
    List<RemapRegion> regions(int head, int heads);

    /** The method's mapped relative distance for the pair {@code (query, key)} in head {@code head}. */
    double relative(int head, int heads, int query, int key);

    /** The region of the pair {@code (query, key)}. */
    default RemapRegion regionOf(int head, int heads, int query, int key) {
        int r = query - key;
        for (RemapRegion region : regions(head, heads)) {
            if (region.contains(r)) {
                return region;
            }
        }
        throw new IllegalStateException(name() + ": no region holds relative distance " + r);
    }
}
