package org.creamlab.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Draws without replacement from the caller's generator; no state of its own. */
final class Draws {

    private Draws() {}

    /** A uniform integer in {@code [low, high]}. */
    static long between(RandomGenerator rng, long low, long high) {
        return rng.nextLong(low, high + 1);
    }

    /**
     * A lazily shuffled view of {@code pool}: each {@link Shuffle#next} returns a not-yet-returned
     * element uniformly at random (partial Fisher-Yates).
     */
    static <T> Shuffle<T> shuffle(List<T> pool, RandomGenerator rng) {
        return new Shuffle<>(new ArrayList<>(pool), rng);
    }

    /** Draws distinct integers from {@code [low, high]} by rejection. */
    static final class DistinctLongs {
        private final RandomGenerator rng;
        private final long low;
        private final long high;
        private final Set<Long> seen = new HashSet<>();

        DistinctLongs(RandomGenerator rng, long low, long high) {
            this.rng = rng;
            this.low = low;
            this.high = high;
        }

        long next() {
            if (seen.size() >= high - low + 1) {
                throw new IllegalStateException("all values in [" + low + ", " + high + "] are taken");
            }
            while (true) {
                long v = between(rng, low, high);
                if (seen.add(v)) {
                    return v;
                }
            }
        }
    }

    /** See {@link #shuffle}. */
    static final class Shuffle<T> {
        private final List<T> items;
        private final RandomGenerator rng;
        private int taken;

        private Shuffle(List<T> items, RandomGenerator rng) {
            this.items = items;
            this.rng = rng;
        }

        boolean hasNext() {
            return taken < items.size();
        }

        T next() {
            int j = taken + rng.nextInt(items.size() - taken);
            T chosen = items.get(j);
            items.set(j, items.get(taken));
            items.set(taken, chosen);
            taken++;
            return chosen;
        }
    }
}
