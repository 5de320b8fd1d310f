package org.creamlab.positions.cream;

import java.util.random.RandomGenerator;

/** Ablation: {@code r} uniform over {@code {2, ..., 2f}} instead of the Gaussian. */
public record UniformScale(int factor) implements ScaleDistribution {

    public UniformScale {
        if (factor < 2) {
            throw new IllegalArgumentException("factor f must be >= 2, got " + factor);
        }
    }

    @Override
    public int max() {
        return 2 * factor;
    }

    @Override
    public int sample(RandomGenerator rng) {
        return rng.nextInt(min(), max() + 1);
    }

    @Override
    public double probability(int r) {
        return r < min() || r > max() ? 0.0 : 1.0 / (max() - min() + 1);
    }
}
