package org.creamlab.rope;

/**
 * YaRN (Peng et al.) as the CREAM and PoSE code run it ({@code LlamaYaRNScaledRotaryEmbedding} with
 * {@code extrapolation_factor = attn_factor = 1}).
 *
 * <p>With {@code dim(n) = d ln(N / (2 pi n)) / (2 ln base)}, the correction range is
 * {@code low = max(floor(dim(betaFast)), 0)}, {@code high = min(ceil(dim(betaSlow)), d - 1)} (20 and
 * 46 for {@code d = 128}, {@code N = 4096}, base 1e4). For pair {@code i}, the ramp is
 * {@code clamp((i - low) / (high - low), 0, 1)} (with {@code high += 0.001} if equal) and the
 * extrapolation mask {@code gamma_i = 1 - ramp_i}. Then
 * <ul>
 *   <li>{@link Variant#REVISED} (the code's {@code revised_yarn}, default, name {@code yarn}):
 *       {@code theta'_i = theta_i / ((1 - gamma_i) s + gamma_i)}, blending the divisor;</li>
 *   <li>{@link Variant#ORIGINAL} (the code's unused {@code yarn}, jquesnelle/yarn before issue #24,
 *       name {@code yarn-original}): {@code theta'_i = theta_i ((1 - gamma_i) / s + gamma_i)},
 *       blending the frequency.</li>
 * </ul>
 * The two agree for {@code i <= low} (unchanged) and {@code i >= high} ({@code theta / s}).
 * Positions are not scaled. Both cos and sin are multiplied by
 * {@code mscale = 0.1 ln s + 1} (1 for {@code s <= 1}), so attention logits scale by
 * {@code mscale^2}.
 *
 * @param factor {@code s = L / N}, finite and {@code >= 1}
 * @param originalWindow the pre-trained window {@code N}
 * @param variant revised or original
 * @param betaFast rotations bounding the extrapolated band (32)
 * @param betaSlow rotations bounding the interpolated band (1)
 */
public record YarnScaling(double factor, int originalWindow, Variant variant, double betaFast, double betaSlow)
        implements RopeScaling {

    /** Which frequency blend. */
    public enum Variant {
        /** Divisor blend: the CREAM/PoSE code. */
        REVISED,
        /** Frequency blend: the original YaRN. */
        ORIGINAL
    }

    /** The code's {@code beta_fast}. */
    public static final double DEFAULT_BETA_FAST = 32;
    /** The code's {@code beta_slow}. */
    public static final double DEFAULT_BETA_SLOW = 1;

    /** The pair indices where the ramp starts and ends. */
    public record CorrectionRange(int low, int high) {}

    public YarnScaling {
        ScalingFactors.requireFactor(factor);
        ScalingFactors.requireOriginalWindow(originalWindow);
        if (variant == null) {
            throw new IllegalArgumentException("YaRN variant is required");
        }
        if (!(betaFast > 0) || !(betaSlow > 0) || Double.isInfinite(betaFast) || Double.isInfinite(betaSlow)) {
            throw new IllegalArgumentException("YaRN betaFast and betaSlow must be finite and > 0, got "
                    + betaFast + ", " + betaSlow);
        }
    }

    /** Revised YaRN with {@code betaFast = 32}, {@code betaSlow = 1}. */
    public YarnScaling(double factor, int originalWindow) {
        this(factor, originalWindow, Variant.REVISED, DEFAULT_BETA_FAST, DEFAULT_BETA_SLOW);
    }

    /** The given variant with {@code betaFast = 32}, {@code betaSlow = 1}. */
    public YarnScaling(double factor, int originalWindow, Variant variant) {
        this(factor, originalWindow, variant, DEFAULT_BETA_FAST, DEFAULT_BETA_SLOW);
    }

    /** The same scaling with another correction band (larger {@code betaSlow}: fewer extrapolated pairs). */
    public YarnScaling withBetas(double fast, double slow) {
        return new YarnScaling(factor, originalWindow, variant, fast, slow);
    }

    @Override
    public String name() {
        return variant == Variant.REVISED ? "yarn" : "yarn-original";
    }

    /** {@code 0.1 ln s + 1}, or 1 for {@code s <= 1}. */
    public static double mscale(double factor) {
        return factor <= 1 ? 1.0 : 0.1 * Math.log(factor) + 1.0;
    }

    @Override
    public double attentionFactor() {
        return mscale(factor);
    }

    /** The correction range for this head dimension and base. */
    public CorrectionRange correctionRange(int headDim, double base) {
        int low = (int) Math.floor(correctionDim(betaFast, headDim, base));
        int high = (int) Math.ceil(correctionDim(betaSlow, headDim, base));
        return new CorrectionRange(Math.max(low, 0), Math.min(high, headDim - 1));
    }

    private double correctionDim(double rotations, int headDim, double base) {
        return headDim * Math.log(originalWindow / (rotations * 2 * Math.PI)) / (2 * Math.log(base));
    }

    @Override
    public double[] inverseFrequencies(int headDim, double base, int sequenceLength) {
        double[] inv = RopeScaling.baseInverseFrequencies(headDim, base);
        CorrectionRange range = correctionRange(headDim, base);
        double low = range.low();
        double high = range.high() == range.low() ? range.high() + 0.001 : range.high();
        for (int i = 0; i < inv.length; i++) {
            double ramp = Math.min(1.0, Math.max(0.0, (i - low) / (high - low)));
            double gamma = 1.0 - ramp;
            inv[i] = variant == Variant.REVISED
                    ? inv[i] / ((1 - gamma) * factor + gamma)
                    : inv[i] * ((1 - gamma) / factor + gamma);
        }
        return inv;
    }
}
