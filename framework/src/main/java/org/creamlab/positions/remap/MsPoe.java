package org.creamlab.positions.remap;

import java.util.Arrays;
import java.util.List;

/**
 * Ms-PoE (Zhang et al. 2024, "Found in the Middle"): each head's positions are scaled down by its own
 * ratio, {@code r' = r / rho_h}. Ratios run evenly from {@code rhoMin} to {@code rhoMax} over the heads,
 * in the order of their position-awareness score: the most position-aware head gets {@code rhoMin}
 * (it keeps its sense of position), the least aware {@code rhoMax}. The scores come from the model
 * (the paper measures each head's attention outliers on the input); {@code order} gives the heads from
 * most to least aware.
 *
 * @param rhoMin the smallest ratio ({@code >= 1}; the paper: 1.2)
 * @param rhoMax the largest ratio ({@code >= rhoMin}; the paper: 1.8)
 * @param order head indices from most to least position-aware: a permutation of {@code 0 .. heads - 1}
 */
public record MsPoe(double rhoMin, double rhoMax, int[] order) implements PositionRemap {

    public MsPoe {
        if (!(rhoMin >= 1) || !(rhoMax >= rhoMin) || Double.isInfinite(rhoMax)) {
            throw new IllegalArgumentException("settings 'rhoMin', 'rhoMax' (Ms-PoE): need 1 <= rhoMin <= rhoMax, finite, got "
                    + rhoMin + ", " + rhoMax);
        }
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int h = 0; h < sorted.length; h++) {
            if (sorted[h] != h) {
                throw new IllegalArgumentException("setting 'order' (Ms-PoE): must be a permutation of the heads 0.."
                        + (order.length - 1) + ", got " + Arrays.toString(order));
            }
        }
        order = order.clone();
    }

    @Override
    public int[] order() {
        return order.clone();
    }

    /** Head {@code head}'s ratio {@code rho_h}. */
    public double ratio(int head, int heads) {
        if (heads != order.length) {
            throw new IllegalArgumentException("Ms-PoE was given the order of " + order.length + " heads, the model has " + heads);
        }
        int rank = 0;
        while (order[rank] != head) {
            rank++;
        }
        return heads == 1 ? rhoMin : rhoMin + (rhoMax - rhoMin) * rank / (heads - 1);
    }

    @Override
    public String name() {
        return "ms-poe";
    }

    @Override
    public List<RemapRegion> regions(int head, int heads) {
        double rho = ratio(head, heads);
        return List.of(new RemapRegion(0, Integer.MAX_VALUE, i -> i / rho, j -> j / rho));
    }

    @Override
    public double relative(int head, int heads, int query, int key) {
        return (query - key) / ratio(head, heads);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MsPoe m && Double.compare(rhoMin, m.rhoMin) == 0 && Double.compare(rhoMax, m.rhoMax) == 0
                && Arrays.equals(order, m.order);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(rhoMin) * 31 + Double.hashCode(rhoMax) * 17 + Arrays.hashCode(order);
    }

    @Override
    public String toString() {
        return "MsPoe[rho " + rhoMin + ".." + rhoMax + ", order " + Arrays.toString(order) + "]";
    }
}
