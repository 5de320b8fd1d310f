package org.creamlab.rope;

/**
 * Llama 3.1's band-wise frequency interpolation (Hugging Face {@code rope_type: llama3}).
 *
 * <p>With the original window {@code N} ({@code original_max_position_embeddings}), factor {@code s},
 * {@code low_freq_factor} {@code a} and {@code high_freq_factor} {@code b}, each pair's wavelength is
 * {@code lambda_j = 2 pi / theta_j}. Then
 * <ul>
 *   <li>{@code lambda_j < N / b} (high frequencies: more than {@code b} rotations over the window):
 *       {@code theta'_j = theta_j}, unchanged;</li>
 *   <li>{@code lambda_j > N / a} (low frequencies): {@code theta'_j = theta_j / s}, interpolated;</li>
 *   <li>in between: {@code theta'_j = (1 - g) theta_j / s + g theta_j} with
 *       {@code g = (N / lambda_j - a) / (b - a)}, a linear blend in the number of rotations over the window.</li>
 * </ul>
 * Positions are not scaled and the attention factor is 1.
 *
 * @param factor {@code s}, finite and {@code >= 1} (8 for Llama 3.1)
 * @param lowFrequencyFactor {@code a} (1 for Llama 3.1)
 * @param highFrequencyFactor {@code b > a} (4 for Llama 3.1)
 * @param originalWindow {@code N} (8,192 for Llama 3.1)
 */
public record Llama3Scaling(double factor, double lowFrequencyFactor, double highFrequencyFactor, int originalWindow)
        implements RopeScaling {

    /** Llama 3.1's {@code low_freq_factor}. */
    public static final double DEFAULT_LOW = 1;
    /** Llama 3.1's {@code high_freq_factor}. */
    public static final double DEFAULT_HIGH = 4;

    public Llama3Scaling {
        ScalingFactors.requireFactor(factor);
        ScalingFactors.requireOriginalWindow(originalWindow);
        if (!(lowFrequencyFactor > 0) || !(highFrequencyFactor > lowFrequencyFactor) || Double.isInfinite(highFrequencyFactor)) {
            throw new IllegalArgumentException("rope_scaling llama3: low_freq_factor must be > 0 and high_freq_factor greater"
                    + " than it and finite, got " + lowFrequencyFactor + " and " + highFrequencyFactor);
        }
    }

    /** Llama 3.1's bands (1 and 4) at this factor and window. */
    public Llama3Scaling(double factor, int originalWindow) {
        this(factor, DEFAULT_LOW, DEFAULT_HIGH, originalWindow);
    }

    @Override
    public String name() {
        return "llama3";
    }

    @Override
    public double[] inverseFrequencies(int headDim, double base, int sequenceLength) {
        double[] inv = RopeScaling.baseInverseFrequencies(headDim, base);
        double longest = originalWindow / lowFrequencyFactor;    // wavelengths above: interpolated
        double shortest = originalWindow / highFrequencyFactor;  // wavelengths below: unchanged
        for (int j = 0; j < inv.length; j++) {
            double wavelength = 2 * Math.PI / inv[j];
            if (wavelength > longest) {
                inv[j] = inv[j] / factor;
            } else if (wavelength >= shortest) {
                double g = (originalWindow / wavelength - lowFrequencyFactor) / (highFrequencyFactor - lowFrequencyFactor);
                inv[j] = (1 - g) * inv[j] / factor + g * inv[j];
            }
        }
        return inv;
    }
}
