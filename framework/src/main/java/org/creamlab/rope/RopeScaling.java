package org.creamlab.rope;

/**
 * How rotary position embeddings are stretched to reach beyond the pre-trained window.
 *
 * <p>The rotation angle of position {@code m} in frequency pair {@code j} is
 * {@code scalePosition(m) * inverseFrequencies(d, base, T)[j]}; the resulting cos and sin are both
 * multiplied by {@link #attentionFactor()} (YaRN's mscale, so attention logits scale by its
 * square). Implementations are immutable values and are found by {@link #name()}.
 */
public interface RopeScaling {

    /** The registry name, e.g. {@code linear} or {@code yarn}. */
    String name();

    /**
     * Inverse frequencies {@code theta_j}, {@code j = 0 .. headDim/2 - 1}, in double precision.
     *
     * @param headDim the per-head dimension d (even)
     * @param base the RoPE base (10000 for Llama-2)
     * @param sequenceLength the length of the sequence being encoded (only dynamic schemes use it)
     * @return a new array of length {@code headDim / 2}
     */
    double[] inverseFrequencies(int headDim, double base, int sequenceLength);

    /** The position actually rotated for position id {@code m}; identity except for Linear. */
    default double scalePosition(double position) {
        return position;
    }

    /** Factor applied to both cos and sin; 1 except for YaRN. */
    default double attentionFactor() {
        return 1.0;
    }

    /** Unscaled Llama frequencies {@code base^(-2j/d)}. */
    static double[] baseInverseFrequencies(int headDim, double base) {
        if (headDim <= 0 || headDim % 2 != 0) {
            throw new IllegalArgumentException("headDim must be positive and even, got " + headDim);
        }
        double[] inv = new double[headDim / 2];
        for (int j = 0; j < inv.length; j++) {
            inv[j] = 1.0 / Math.pow(base, (2.0 * j) / headDim);
        }
        return inv;
    }
}
