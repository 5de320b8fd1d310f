package org.creamlab.positions.remap;

import java.util.List;

/**
 * STRING (An et al. 2024, "Why Does the Effective Context Length of LLMs Fall Short?"): the rarely
 * trained large relative distances are overwritten by well-trained smaller ones. Distances below the
 * shift {@code S} stay exact; from {@code S} on, a distance {@code r} is read as {@code r - S + W}, so
 * the largest distances reuse those just beyond the local window {@code W}: queries sit at
 * {@code i - S + W} there. {@code S} at least the sequence is plain attention.
 *
 * @param shift {@code S >= 1} (the paper: a third to a half of the trained length)
 * @param localWindow {@code W}, {@code 0 <= W < S} (the paper: 128)
 */
public record StringRemap(int shift, int localWindow) implements PositionRemap {

    public StringRemap {
        if (shift < 1) {
            throw new IllegalArgumentException("setting 'shift' (STRING S): must be >= 1, got " + shift);
        }
        if (localWindow < 0 || localWindow >= shift) {
            throw new IllegalArgumentException("setting 'localWindow' (STRING W): must be in [0, S = " + shift + "), got " + localWindow);
        }
    }

    @Override
    public String name() {
        return "string";
    }

    @Override
    public List<RemapRegion> regions(int head, int heads) {
        return List.of(RemapRegion.plain(0, shift),
                new RemapRegion(shift, Integer.MAX_VALUE, i -> i - shift + localWindow, j -> j));
    }

    @Override
    public double relative(int head, int heads, int query, int key) {
        int r = query - key;
        return r < shift ? r : r - shift + localWindow;
    }
}
