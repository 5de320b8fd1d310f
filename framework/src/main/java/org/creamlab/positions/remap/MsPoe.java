package org.creamlab.positions.remap;

import java.util.Arrays;
import java.util.List;

/**
 * Ms-PoE (Zhang et al. 2024, "Found in the Middle"): each head's positions are scaled down by its own
 * ratio, {@code r' = r / rho_h}. The head of rank {@code k} (0 = the most position-aware) gets
 * {@code rho = rhoMin + (rhoMax - rhoMin) k / H} for {@code H} heads, as the authors' code spaces them
 * ({@code rhoMax} itself is never reached): the most position-aware head keeps its sense of position
 * best. The awareness scores come from the model ({@link #awareness}: each head's share of attention
 * outliers for the last query of the input, measured before RoPE); {@code order} gives the heads from
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
        return rhoMin + (rhoMax - rhoMin) * rank / heads;
    }

    @Override
    public String name() {
        return "ms-poe";
    }

    /**
     * The Ms-PoE of these per-head awareness scores: heads ordered from the highest score to the
     * lowest (ties by head index).
     */
    public static MsPoe fromAwareness(double rhoMin, double rhoMax, double[] awareness) {
        Integer[] heads = new Integer[awareness.length];
        for (int h = 0; h < heads.length; h++) {
            heads[h] = h;
        }
        Arrays.sort(heads, (a, b) -> awareness[a] != awareness[b] ? Double.compare(awareness[b], awareness[a]) : Integer.compare(a, b));
        int[] order = new int[heads.length];
        for (int r = 0; r < order.length; r++) {
            order[r] = heads[r];
        }
        return new MsPoe(rhoMin, rhoMax, order);
    }

    /**
     * A head's position-awareness for the paper's head ordering: the share of keys that get more than
     * four times the mean attention weight from the last query ({@code probabilities}: that query's
     * softmax weights over the {@code n} keys it sees).
     */
    public static double awareness(double[] probabilities) {
        double mean = 0;
        for (double p : probabilities) {
            mean += p;
        }
        mean /= probabilities.length;
        int outliers = 0;
        for (double p : probabilities) {
            outliers += p > 4 * mean ? 1 : 0;
        }
        return (double) outliers / probabilities.length;
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
