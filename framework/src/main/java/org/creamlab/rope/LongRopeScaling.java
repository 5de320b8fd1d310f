package org.creamlab.rope;

import java.util.Arrays;

/**
 * LongRoPE (Ding et al. 2024; Hugging Face {@code rope_type: longrope}, Phi-3): a searched rescale
 * factor per frequency pair, one list for short sequences and one for long ones.
 *
 * <p>{@code theta'_j = 1 / (r_j base^(2j/d))} with {@code r = long_factor} when the sequence is longer
 * than the original window {@code N}, else {@code r = short_factor}. Positions are not scaled. Both cos
 * and sin are multiplied by the attention factor: {@code attention_factor} when the config gives it,
 * else {@code sqrt(1 + ln s / ln N)} for {@code s > 1} and 1 otherwise, where {@code s} is the
 * extension factor ({@code max_position_embeddings / original_max_position_embeddings} in a config).
 *
 * @param shortFactor {@code short_factor}, one per frequency pair ({@code d / 2})
 * @param longFactor {@code long_factor}, one per frequency pair
 * @param factor the extension factor {@code s} ({@code >= 1})
 * @param originalWindow {@code N}
 * @param givenAttentionFactor the config's {@code attention_factor}, or NaN for the default above
 */
public record LongRopeScaling(double[] shortFactor, double[] longFactor, double factor, int originalWindow,
                              double givenAttentionFactor) implements RopeScaling {

    public LongRopeScaling {
        ScalingFactors.requireFactor(factor);
        ScalingFactors.requireOriginalWindow(originalWindow);
        if (shortFactor == null || longFactor == null || shortFactor.length == 0 || shortFactor.length != longFactor.length) {
            throw new IllegalArgumentException("rope_scaling longrope: short_factor and long_factor must be non-empty lists of"
                    + " the same length, got " + (shortFactor == null ? "none" : shortFactor.length) + " and "
                    + (longFactor == null ? "none" : longFactor.length));
        }
        for (double[] list : new double[][] {shortFactor, longFactor}) {
            for (double r : list) {
                if (!(r > 0) || Double.isInfinite(r)) {
                    throw new IllegalArgumentException("rope_scaling longrope: every factor must be finite and > 0, got " + r);
                }
            }
        }
        if (!Double.isNaN(givenAttentionFactor) && !(givenAttentionFactor > 0)) {
            throw new IllegalArgumentException("rope_scaling longrope: attention_factor must be > 0, got " + givenAttentionFactor);
        }
        shortFactor = shortFactor.clone();
        longFactor = longFactor.clone();
    }

    @Override
    public double[] shortFactor() {
        return shortFactor.clone();
    }

    @Override
    public double[] longFactor() {
        return longFactor.clone();
    }

    @Override
    public String name() {
        return "longrope";
    }

    /**
     * @throws IllegalArgumentException when the factor lists do not have one entry per frequency pair
     */
    @Override
    public double[] inverseFrequencies(int headDim, double base, int sequenceLength) {
        double[] inv = RopeScaling.baseInverseFrequencies(headDim, base);
        if (shortFactor.length != inv.length) {
            throw new IllegalArgumentException("rope_scaling longrope: short_factor and long_factor have " + shortFactor.length
                    + " entries, the head dimension " + headDim + " needs " + inv.length + " (one per frequency pair)");
        }
        double[] r = sequenceLength > originalWindow ? longFactor : shortFactor;
        for (int j = 0; j < inv.length; j++) {
            inv[j] = inv[j] / r[j];
        }
        return inv;
    }

    @Override
    public double attentionFactor() {
        if (!Double.isNaN(givenAttentionFactor)) {
            return givenAttentionFactor;
        }
        return factor <= 1 ? 1.0 : Math.sqrt(1 + Math.log(factor) / Math.log(originalWindow));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LongRopeScaling l && Arrays.equals(shortFactor, l.shortFactor) && Arrays.equals(longFactor, l.longFactor)
                && Double.compare(factor, l.factor) == 0 && originalWindow == l.originalWindow
                && Double.compare(givenAttentionFactor, l.givenAttentionFactor) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(shortFactor) + Arrays.hashCode(longFactor)) + Double.hashCode(factor) + originalWindow;
    }

    @Override
    public String toString() {
        return "LongRopeScaling[factor=" + factor + ", originalWindow=" + originalWindow + ", pairs=" + shortFactor.length + "]";
    }
}
