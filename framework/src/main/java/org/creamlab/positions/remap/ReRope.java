package org.creamlab.positions.remap;

import java.util.List;

/**
 * ReRoPE and Leaky ReRoPE (Su 2023): exact relative distances inside a window {@code w}; beyond it the
 * distance is clamped at {@code w} (ReRoPE, {@code k} infinite) or grows with slope {@code 1/k}
 * (Leaky ReRoPE): {@code r' = r} for {@code r < w}, else {@code r' = w + (r - w) / k}. Beyond the
 * window, queries sit at {@code i / k + w (1 - 1/k)} and keys at {@code j / k}.
 *
 * @param window {@code w >= 1}
 * @param slopeDivisor {@code k > 1}, or infinite for ReRoPE
 */
public record ReRope(int window, double slopeDivisor) implements PositionRemap {

    public ReRope {
        if (window < 1) {
            throw new IllegalArgumentException("setting 'window' (ReRoPE w): must be >= 1, got " + window);
        }
        if (!(slopeDivisor > 1)) {
            throw new IllegalArgumentException("setting 'k' (Leaky ReRoPE): must be > 1 (infinite: ReRoPE), got " + slopeDivisor);
        }
    }

    /** ReRoPE: distances clamped at {@code window}. */
    public static ReRope clamped(int window) {
        return new ReRope(window, Double.POSITIVE_INFINITY);
    }

    @Override
    public String name() {
        return Double.isInfinite(slopeDivisor) ? "rerope" : "leaky-rerope";
    }

    @Override
    public List<RemapRegion> regions(int head, int heads) {
        double k = slopeDivisor;
        RemapRegion beyond = Double.isInfinite(k)
                ? new RemapRegion(window, Integer.MAX_VALUE, i -> window, j -> 0)
                : new RemapRegion(window, Integer.MAX_VALUE, i -> i / k + window * (1 - 1 / k), j -> j / k);
        return List.of(RemapRegion.plain(0, window), beyond);
    }

    @Override
    public double relative(int head, int heads, int query, int key) {
        int r = query - key;
        return r < window ? r : window + (r - window) / slopeDivisor;
    }
}
