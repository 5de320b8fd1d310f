package org.creamlab.positions;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The two baselines without skipped positions: plain fine-tuning at the pre-trained window
 * ({@link Span#WINDOW}: ids {@code 0..N-1}, registry name {@code contiguous}) and full-length
 * fine-tuning at the target length ({@link Span#FULL}: ids {@code 0..L-1}, registry name
 * {@code full}, the costly upper baseline). Tokens are the document's first ids-many tokens. No
 * random draws are made.
 *
 * @param extension the window and factor
 * @param span which of the two baselines
 */
public record ContiguousScheme(WindowExtension extension, Span span) implements PositionScheme {

    /** Registry name of {@link Span#WINDOW}. */
    public static final String WINDOW_NAME = "contiguous";
    /** Registry name of {@link Span#FULL}. */
    public static final String FULL_NAME = "full";

    /** How far the contiguous ids reach. */
    public enum Span {
        /** {@code 0..N-1}. */
        WINDOW,
        /** {@code 0..L-1}. */
        FULL
    }

    public ContiguousScheme {
        if (extension == null || span == null) {
            throw new IllegalArgumentException("extension and span are required");
        }
    }

    @Override
    public String name() {
        return span == Span.WINDOW ? WINDOW_NAME : FULL_NAME;
    }

    @Override
    public int sampleLength() {
        return span == Span.WINDOW ? extension.window() : extension.targetLength();
    }

    @Override
    public PositionSampler sampler(RandomGenerator rng) {
        return documentLength -> {
            requireDocumentLength(documentLength);
            return new PositionSample(name(), name(), documentLength,
                    List.of(new Segment("all", 0, sampleLength(), 0, 0)), Map.of());
        };
    }
}
