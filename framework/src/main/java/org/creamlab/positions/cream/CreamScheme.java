package org.creamlab.positions.cream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.creamlab.positions.PositionSample;
import org.creamlab.positions.PositionSampler;
import org.creamlab.positions.PositionScheme;
import org.creamlab.positions.RandomDraws;
import org.creamlab.positions.Segment;
import org.creamlab.positions.WindowExtension;

/**
 * CREAM (Wu et al., NeurIPS 2024): each sample of {@code N} tokens is split into a head at ids
 * {@code 0 .. L_h-1}, a middle at ids {@code P_s .. P_e} and a tail at ids {@code L-L_t .. L-1}, so
 * {@code pos[0] = 0} and {@code pos[N-1] = L-1} always (spec 1.3, 1.8). Registry name {@code cream}.
 *
 * <p>Per sample, in this order of draws from the generator:
 * <ol>
 *   <li>Variant (only for {@link CreamOptions.VariantMode#MIXED}, and only on the first sample of
 *       each block of {@link CreamOptions#variantBlockSize()}): {@code nextDouble() < p} gives
 *       continuity ({@code L_h = L_t = k}, default {@code N/128}, see {@link ContinuityLength}), else relativity
 *       ({@code L_h = L_t = N / 3}). {@code L_m = N - L_h - L_t}.</li>
 *   <li>Scale {@code r} in {@code {2..2f}} from {@link GaussianScale} ({@code mu = f + 1}); skipped for
 *       the {@code uniform-end} middle.</li>
 *   <li>Middle end {@code P_e} uniform in {@code [floor(L_h + (L_m-1) r/2), floor(r N / 2) - L_t - 1]},
 *       both ends inclusive; {@code P_s = P_e - (L_m - 1)}. For every {@code r >= 2} this keeps
 *       {@code P_s >= L_h} and {@code P_e <= L - L_t - 1}.</li>
 * </ol>
 * Tokens: head = the document's first {@code L_h} tokens, tail = its last {@code L_t} tokens
 * (always, whatever its length), middle per {@link CreamOptions.MiddleTokens}.
 *
 * <p><b>Code versus paper</b> (the default follows the released code unless stated):
 * <ul>
 *   <li>Variant draw: per sample by default (the paper's description and spec 1.7's advice); the
 *       code's one draw per 3000 samples is {@link CreamOptions#faithful()}.</li>
 *   <li>Middle: the code's clamped-and-floored Gaussian by default; the paper's "truncated"
 *       (renormalised) Gaussian is {@link CreamOptions.MiddleDistribution#TRUNCATED_GAUSSIAN}.</li>
 *   <li>Continuity length: the paper says "a small value k"; the code's {@code 4f} is 32 at its
 *       {@code N = 4096}. The default keeps that proportion of the window ({@code N/128}); the code's
 *       rule is {@code k=4f} ({@link ContinuityLength}).</li>
 *   <li>Middle tokens: the code's rule (middle and tail text may overlap) by default;
 *       {@link CreamOptions.MiddleTokens#DISJOINT} avoids the overlap.</li>
 *   <li>When {@code r * N} is odd the code would fail ({@code randint} with a non-integer bound);
 *       here the upper bound is floored. With even {@code N} the two never differ.</li>
 * </ul>
 */
public final class CreamScheme implements PositionScheme {

    /** Registry name. */
    public static final String NAME = "cream";

    private final WindowExtension extension;
    private final CreamOptions options;
    private final int continuityLength;
    private final ScaleDistribution scales;

    /**
     * @throws IllegalArgumentException if {@code k} (given or by its rule) leaves no middle:
     *     {@code 2k} must be at most {@code N - 1}
     */
    public CreamScheme(WindowExtension extension, CreamOptions options) {
        if (extension == null || options == null) {
            throw new IllegalArgumentException("extension and options are required");
        }
        int n = extension.window();
        int k = options.continuityLength().resolve(extension);
        boolean usesContinuity = options.variants() != CreamOptions.VariantMode.RELATIVITY;
        if (usesContinuity && 2L * k > n - 1) {
            throw new IllegalArgumentException("k (continuity head/tail length, " + options.continuityLength() + ") = " + k
                    + " is too large for window N = " + n + ": need 1 <= k <= (N-1)/2 = " + (n - 1) / 2
                    + " so the middle is not empty");
        }
        this.extension = extension;
        this.options = options;
        this.continuityLength = k;
        this.scales = switch (options.middle()) {
            case GAUSSIAN -> new GaussianScale(extension.factor(), options.sigma(), GaussianScale.Form.CLAMPED);
            case TRUNCATED_GAUSSIAN -> new GaussianScale(extension.factor(), options.sigma(),
                    GaussianScale.Form.TRUNCATED);
            case UNIFORM_R -> new UniformScale(extension.factor());
            case UNIFORM_END -> null;
        };
    }

    /** With {@link CreamOptions#defaults()}. */
    public CreamScheme(WindowExtension extension) {
        this(extension, CreamOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WindowExtension extension() {
        return extension;
    }

    public CreamOptions options() {
        return options;
    }

    /** Head (and tail) length of a variant: {@code N / 3} or {@code k}. */
    public int headLength(CreamVariant variant) {
        return variant == CreamVariant.RELATIVITY ? extension.window() / 3 : continuityLength;
    }

    /**
     * Draws a variant as one block draw does: fixed for the two single-variant modes (no draw),
     * otherwise one {@code nextDouble()}.
     */
    public CreamVariant drawVariant(RandomGenerator rng) {
        return switch (options.variants()) {
            case CONTINUITY -> CreamVariant.CONTINUITY;
            case RELATIVITY -> CreamVariant.RELATIVITY;
            case MIXED -> rng.nextDouble() < options.continuityProbability()
                    ? CreamVariant.CONTINUITY : CreamVariant.RELATIVITY;
        };
    }

    /** Draws the positions of one sample of the given variant (steps 2 and 3 above). */
    public CreamLayout drawLayout(CreamVariant variant, RandomGenerator rng) {
        int n = extension.window();
        int target = extension.targetLength();
        int head = headLength(variant);
        int tail = head;
        int middle = n - head - tail;
        OptionalInt scale;
        int low;
        int high;
        if (scales == null) {
            scale = OptionalInt.empty();
            low = head + middle - 1;
            high = target - tail - 1;
        } else {
            int r = scales.sample(rng);
            scale = OptionalInt.of(r);
            low = (int) ((2L * head + (long) (middle - 1) * r) / 2);
            high = (int) ((long) r * n / 2 - tail - 1);
        }
        int end = RandomDraws.uniformInclusive(rng, low, high);
        return new CreamLayout(variant, head, end - (middle - 1), end, tail, scale);
    }

    /** The sample for a layout, with tokens from a document of the given length. */
    public PositionSample toSample(CreamLayout layout, int documentLength) {
        requireDocumentLength(documentLength);
        int head = layout.headLength();
        int tail = layout.tailLength();
        int middle = layout.middleLength();
        int trueOffsetsBelow = options.middleTokens() == CreamOptions.MiddleTokens.CODE
                ? documentLength : documentLength - tail;
        int middleTokens = layout.middleEnd() < trueOffsetsBelow
                ? layout.middleStart() : documentLength - tail - middle;
        List<Segment> segments = List.of(
                new Segment("head", 0, head, 0, 0),
                new Segment("middle", head, middle, layout.middleStart(), middleTokens),
                new Segment("tail", head + middle, tail, extension.targetLength() - tail, documentLength - tail));
        Map<String, Integer> draws = new LinkedHashMap<>();
        layout.scale().ifPresent(r -> draws.put("r", r));
        draws.put("middleEnd", layout.middleEnd());
        return new PositionSample(NAME, layout.variant().label(), documentLength, segments, draws);
    }

    @Override
    public PositionSampler sampler(RandomGenerator rng) {
        if (rng == null) {
            throw new IllegalArgumentException("rng is required");
        }
        return new BlockSampler(rng);
    }

    @Override
    public String toString() {
        return "CreamScheme[" + extension + ", " + options + "]";
    }

    /** Keeps the current block's variant; one per stream. */
    private final class BlockSampler implements PositionSampler {
        private final RandomGenerator rng;
        private long drawn;
        private CreamVariant blockVariant;

        BlockSampler(RandomGenerator rng) {
            this.rng = rng;
        }

        @Override
        public PositionSample next(int documentLength) {
            requireDocumentLength(documentLength);
            if (drawn % options.variantBlockSize() == 0) {
                blockVariant = drawVariant(rng);
            }
            drawn++;
            return toSample(drawLayout(blockVariant, rng), documentLength);
        }
    }
}
