package org.creamlab.positions.cream;

import java.util.random.RandomGenerator;

/**
 * The distribution of CREAM's per-sample scale {@code r} ("rand_factor"), an integer in
 * {@code [2, 2f]}: the middle segment's end is then drawn around {@code (r / 2) * N}.
 */
public interface ScaleDistribution {

    /** Smallest value, always 2. */
    default int min() {
        return 2;
    }

    /** Largest value, {@code 2f}. */
    int max();

    /** Draws one {@code r}, consuming exactly one value from {@code rng}. */
    int sample(RandomGenerator rng);

    /** The intended probability of {@code r}, from the closed form the sampler implements. */
    double probability(int r);
}
