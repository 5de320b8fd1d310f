package org.creamlab.positions;

import java.util.random.RandomGenerator;

/** Small helpers over a caller's random source; no state of their own. */
public final class RandomDraws {

    private RandomDraws() {}

    /**
     * A uniform integer in {@code [low, high]}, both ends inclusive (Python's
     * {@code random.randint}).
     */
    public static int uniformInclusive(RandomGenerator rng, int low, int high) {
        if (low > high) {
            throw new IllegalArgumentException("empty range [" + low + ", " + high + "]");
        }
        return (int) rng.nextLong(low, (long) high + 1);
    }
}
