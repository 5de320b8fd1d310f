package org.creamlab.rope;

/**
 * Dynamic NTK scaling as in Hugging Face's {@code LlamaDynamicNTKScalingRotaryEmbedding}: for a
 * sequence of length {@code len > N} the base becomes
 * {@code base * ((s * len / N) - (s - 1))^(d/(d-2))}; up to {@code N} RoPE is unchanged. Not used
 * by the CREAM or PoSE code; an extra for comparison. The sequence length is the one
 * {@link RopeTables} passes: the largest position id plus one.
 *
 * @param factor {@code s}, finite and {@code >= 1}
 * @param originalWindow the pre-trained window {@code N}
 */
public record DynamicNtkScaling(double factor, int originalWindow) implements RopeScaling {

    public DynamicNtkScaling {
        ScalingFactors.requireFactor(factor);
        ScalingFactors.requireOriginalWindow(originalWindow);
    }

    @Override
    public String name() {
        return "dynamic-ntk";
    }

    /** The base used for a sequence of {@code sequenceLength} tokens. */
    public double scaledBase(int headDim, double base, int sequenceLength) {
        double exponent = ScalingFactors.ntkExponent(headDim);
        if (sequenceLength <= originalWindow) {
            return base;
        }
        return base * Math.pow(factor * sequenceLength / originalWindow - (factor - 1), exponent);
    }

    @Override
    public double[] inverseFrequencies(int headDim, double base, int sequenceLength) {
        return RopeScaling.baseInverseFrequencies(headDim, scaledBase(headDim, base, sequenceLength));
    }
}
