package org.creamlab.positions.pose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.creamlab.positions.PositionSample;
import org.creamlab.positions.PositionSampler;
import org.creamlab.positions.PositionScheme;
import org.creamlab.positions.RandomDraws;
import org.creamlab.positions.Segment;
import org.creamlab.positions.WindowExtension;

/**
 * PoSE (Zhu et al., ICLR 2024) as its code and the CREAM repo's copy run it (spec 2.2, 2.3): two
 * chunks per sample, re-drawn for every sample. Registry name {@code pose}. Draws, in order:
 * <ol>
 *   <li>first chunk length {@code l_0} uniform in {@code [1, ceil(N/2)]};</li>
 *   <li>second chunk text: an end offset {@code e} uniform in {@code [N, min(len, limit)]}, the
 *       chunk being the {@code N - l_0} tokens before {@code e} (the first chunk's text is the
 *       document start);</li>
 *   <li>({@link PoseOptions.FirstChunkBias#RANDOM} only) the first skip {@code u_0} uniform in
 *       {@code [0, L - N]};</li>
 *   <li>the second skip {@code u_1} uniform in {@code [u_0, L - N]} ({@code u_0 = 0} by default).</li>
 * </ol>
 * Positions: {@code chunk0} has ids {@code u_0 .. u_0 + l_0 - 1}, {@code chunk1} has ids
 * {@code u_1 + l_0 .. u_1 + N - 1}. The content skip and the position skip are independent, as in
 * the code (the paper's ablation found {@code v_i = u_i} makes little difference). The paper's
 * general {@code c}-chunk form is not implemented: every PoSE experiment uses two.
 */
public final class PoseScheme implements PositionScheme {

    /** Registry name. */
    public static final String NAME = "pose";

    private final WindowExtension extension;
    private final PoseOptions options;
    private final int contentLimit;

    /** @throws IllegalArgumentException if {@code content-limit} is below {@code N} */
    public PoseScheme(WindowExtension extension, PoseOptions options) {
        if (extension == null || options == null) {
            throw new IllegalArgumentException("extension and options are required");
        }
        int limit = options.contentLimit().orElse(extension.targetLength());
        if (limit < extension.window()) {
            throw new IllegalArgumentException("content-limit " + limit + " is below window N = " + extension.window());
        }
        this.extension = extension;
        this.options = options;
        this.contentLimit = limit;
    }

    /** With {@link PoseOptions#defaults()}. */
    public PoseScheme(WindowExtension extension) {
        this(extension, PoseOptions.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WindowExtension extension() {
        return extension;
    }

    public PoseOptions options() {
        return options;
    }

    @Override
    public PositionSampler sampler(RandomGenerator rng) {
        if (rng == null) {
            throw new IllegalArgumentException("rng is required");
        }
        return documentLength -> draw(requireDocumentLength(documentLength), rng);
    }

    private PositionSample draw(int documentLength, RandomGenerator rng) {
        int n = extension.window();
        int maxSkip = extension.targetLength() - n;
        int first = RandomDraws.uniformInclusive(rng, 1, (n + 1) / 2);
        int second = n - first;
        int contentEnd = RandomDraws.uniformInclusive(rng, n, Math.min(documentLength, contentLimit));
        boolean randomBias = options.firstChunkBias() == PoseOptions.FirstChunkBias.RANDOM;
        int firstSkip = randomBias ? RandomDraws.uniformInclusive(rng, 0, maxSkip) : 0;
        int secondSkip = RandomDraws.uniformInclusive(rng, firstSkip, maxSkip);
        List<Segment> segments = List.of(
                new Segment("chunk0", 0, first, firstSkip, 0),
                new Segment("chunk1", first, second, secondSkip + first, contentEnd - second));
        Map<String, Integer> draws = new LinkedHashMap<>();
        draws.put("firstChunkLength", first);
        draws.put("contentEnd", contentEnd);
        if (randomBias) {
            draws.put("firstSkip", firstSkip);
        }
        draws.put("skip", secondSkip);
        return new PositionSample(NAME, NAME, documentLength, segments, draws);
    }

    @Override
    public String toString() {
        return "PoseScheme[" + extension + ", " + options + "]";
    }
}
