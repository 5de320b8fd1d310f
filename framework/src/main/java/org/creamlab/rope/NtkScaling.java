package org.creamlab.rope;

/**
 * Static ("vanilla") NTK-aware scaling, as in the CREAM code's
 * {@code LlamaVanillaNTKScalingRotaryEmbedding} and jquesnelle/yarn's
 * {@code LlamaNTKScaledRotaryEmbedding}: the base becomes {@code base * s^(d/(d-2))}; positions are
 * not scaled and the attention factor is 1. For {@code d = 128}, {@code s = 8} the base 10000
 * becomes about 82,684.6.
 *
 * @param factor {@code s = L / N}, finite and {@code >= 1}
 */
public record NtkScaling(double factor) implements RopeScaling {

    public NtkScaling {
        ScalingFactors.requireFactor(factor);
    }

    @Override
    public String name() {
        return "ntk";
    }

    /** {@code base * s^(d/(d-2))}. */
    public double scaledBase(int headDim, double base) {
        return base * Math.pow(factor, ScalingFactors.ntkExponent(headDim));
    }

    @Override
    public double[] inverseFrequencies(int headDim, double base, int sequenceLength) {
        return RopeScaling.baseInverseFrequencies(headDim, scaledBase(headDim, base));
    }
}
