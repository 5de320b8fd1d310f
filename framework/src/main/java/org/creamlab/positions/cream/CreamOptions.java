package org.creamlab.positions.cream;

import java.util.Set;
import org.creamlab.positions.SchemeSettings;

/**
 * CREAM's options, with the released code's behaviour as the default except for the variant draw
 * (see {@link #variantBlockSize()}). Built directly, or from text settings with
 * {@link #from(SchemeSettings)}, whose names are given in brackets below.
 *
 * @param variants [{@code variants}: mixed | continuity | relativity] which head/tail variants
 *     occur; the last two are the "continuity only" and "relativity only" ablations. Default mixed.
 * @param continuityProbability [{@code continuity-probability}] for {@code mixed}: the probability
 *     that a variant draw gives continuity, in {@code [0, 1]}. Default 0.5 (the code's fair coin).
 * @param variantBlockSize [{@code variant-block}, or {@code faithful=true} for 3000] how many
 *     consecutive samples share one variant draw. Default 1: one draw per sample, the paper's
 *     stated intent (spec 1.7). The released code draws once per {@code datasets.map} batch of
 *     {@value #FAITHFUL_BLOCK_SIZE} samples; {@link #faithful()} reproduces that (and the code's k = 4f unless {@code k} is given).
 * @param continuityLength [{@code k}: n/128 | 4f | an integer] head and tail length of the continuity
 *     variant. Default {@code n/128}, the paper's proportion of the window (32 of 4096; 1 at N = 128);
 *     {@code 4f} is the released code's rule. The scheme checks {@code 2k <= N - 1}.
 * @param sigma [{@code sigma}] standard deviation of the Gaussian over {@code r}, finite and
 *     {@code > 0}. Default 3 (the code's, for every {@code f}).
 * @param middle [{@code middle}] how the middle's end is placed; default {@code gaussian}.
 * @param middleTokens [{@code middle-tokens}] which document tokens fill the middle; default
 *     {@code code}.
 */
public record CreamOptions(VariantMode variants, double continuityProbability, int variantBlockSize,
        ContinuityLength continuityLength, double sigma, MiddleDistribution middle, MiddleTokens middleTokens) {

    /** Samples per variant draw in the released code ({@code datasets.map(batch_size=3000)}). */
    public static final int FAITHFUL_BLOCK_SIZE = 3000;

    /** The code's {@code sigma}. */
    public static final double DEFAULT_SIGMA = 3.0;

    /** Setting names read by {@link #from(SchemeSettings)}. */
    public static final Set<String> SETTING_NAMES = Set.of("variants", "continuity-probability", "variant-block",
            "faithful", "k", "sigma", "middle", "middle-tokens");

    /** Which variants a scheme draws. */
    public enum VariantMode {
        /** Continuity with probability {@code continuityProbability}, else relativity. */
        MIXED,
        /** Always continuity (ablation). */
        CONTINUITY,
        /** Always relativity (ablation). */
        RELATIVITY
    }

    /** Where the middle segment goes. */
    public enum MiddleDistribution {
        /**
         * The code: {@code r} from the clamped-and-floored Gaussian ({@link GaussianScale.Form#CLAMPED}),
         * then the middle's end uniform in {@code [floor(L_h + (L_m-1) r/2), floor(r N/2) - L_t - 1]}.
         */
        GAUSSIAN,
        /** As {@link #GAUSSIAN} with the Gaussian renormalised to {@code [2, 2f]} (the paper's "truncated"). */
        TRUNCATED_GAUSSIAN,
        /** Ablation: {@code r} uniform over {@code {2..2f}}, then the same uniform end. */
        UNIFORM_R,
        /** Ablation: the middle's end uniform over every feasible value {@code [L_h + L_m - 1, L - L_t - 1]}. */
        UNIFORM_END
    }

    /** Which document tokens the middle takes (spec 1.6). */
    public enum MiddleTokens {
        /**
         * The code: the tokens at the middle's own positions when its end is inside the document
         * ({@code P_e < len}), else the {@code L_m} tokens just before the tail. Middle and tail text
         * can then overlap.
         */
        CODE,
        /** As {@link #CODE} but true offsets only when they end before the tail text ({@code P_e < len - L_t}). */
        DISJOINT
    }

    public CreamOptions {
        if (variants == null || middle == null || middleTokens == null || continuityLength == null) {
            throw new IllegalArgumentException("variants, continuityLength, middle and middleTokens are required");
        }
        if (!(continuityProbability >= 0.0 && continuityProbability <= 1.0)) {
            throw new IllegalArgumentException("continuity-probability must be in [0, 1], got " + continuityProbability);
        }
        if (variantBlockSize < 1) {
            throw new IllegalArgumentException("variant-block must be >= 1, got " + variantBlockSize);
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be a finite number > 0, got " + sigma);
        }
    }

    /** Per-sample variant draw, {@code p = 0.5}, {@code k = n/128}, {@code sigma = 3}, Gaussian middle, code tokens. */
    public static CreamOptions defaults() {
        return new CreamOptions(VariantMode.MIXED, 0.5, 1, ContinuityLength.windowFraction(), DEFAULT_SIGMA,
                MiddleDistribution.GAUSSIAN, MiddleTokens.CODE);
    }

    /**
     * {@link #defaults()} with the released code's two other choices: one variant draw per block of
     * {@value #FAITHFUL_BLOCK_SIZE} samples and {@code k = 4f}.
     */
    public static CreamOptions faithful() {
        return defaults().withVariantBlockSize(FAITHFUL_BLOCK_SIZE).withContinuityLength(ContinuityLength.fourF());
    }

    /**
     * Reads the settings listed in {@link #SETTING_NAMES}; absent ones take the defaults.
     *
     * @throws IllegalArgumentException naming the setting when a value is malformed or out of range,
     *     or when {@code faithful=true} contradicts an explicit {@code variant-block}
     */
    public static CreamOptions from(SchemeSettings settings) {
        CreamOptions d = defaults();
        boolean faithful = settings.getBoolean("faithful", false);
        int block = settings.getInt("variant-block", faithful ? FAITHFUL_BLOCK_SIZE : d.variantBlockSize());
        if (faithful && block != FAITHFUL_BLOCK_SIZE) {
            throw new IllegalArgumentException("faithful=true means variant-block=" + FAITHFUL_BLOCK_SIZE
                    + ", but variant-block=" + block + " was also given");
        }
        return new CreamOptions(
                settings.getChoice("variants", VariantMode.class, d.variants()),
                settings.getDouble("continuity-probability", d.continuityProbability()),
                block,
                settings.has("k") ? ContinuityLength.parse(settings.asMap().get("k"))
                        : faithful ? ContinuityLength.fourF() : d.continuityLength(),
                settings.getDouble("sigma", d.sigma()),
                settings.getChoice("middle", MiddleDistribution.class, d.middle()),
                settings.getChoice("middle-tokens", MiddleTokens.class, d.middleTokens()));
    }

    public CreamOptions withVariants(VariantMode value) {
        return new CreamOptions(value, continuityProbability, variantBlockSize, continuityLength, sigma, middle,
                middleTokens);
    }

    public CreamOptions withVariantBlockSize(int value) {
        return new CreamOptions(variants, continuityProbability, value, continuityLength, sigma, middle, middleTokens);
    }

    public CreamOptions withContinuityLength(int k) {
        return withContinuityLength(ContinuityLength.fixed(k));
    }

    public CreamOptions withContinuityLength(ContinuityLength k) {
        return new CreamOptions(variants, continuityProbability, variantBlockSize, k, sigma, middle, middleTokens);
    }

    public CreamOptions withSigma(double value) {
        return new CreamOptions(variants, continuityProbability, variantBlockSize, continuityLength, value, middle,
                middleTokens);
    }

    public CreamOptions withMiddle(MiddleDistribution value) {
        return new CreamOptions(variants, continuityProbability, variantBlockSize, continuityLength, sigma, value,
                middleTokens);
    }

    public CreamOptions withMiddleTokens(MiddleTokens value) {
        return new CreamOptions(variants, continuityProbability, variantBlockSize, continuityLength, sigma, middle,
                value);
    }
}
