package org.creamlab.positions;

import java.util.random.RandomGenerator;

/**
 * A way of choosing training position ids for context extension: turns a pre-trained window
 * {@code N}, a target length {@code L = f * N} and a seeded random source into samples of
 * {@link #sampleLength()} strictly increasing position ids in {@code [0, L)}, together with the
 * offsets of the document tokens that go at those positions.
 *
 * <p>Schemes are immutable values built for one {@link WindowExtension} by a
 * {@link PositionSchemeFactory}; all randomness comes from the generator passed in, so the same
 * seed gives the same samples.
 */
public interface PositionScheme {

    /** The registry name, e.g. {@code cream} or {@code pose}. */
    String name();

    /** The window and factor this scheme was built for. */
    WindowExtension extension();

    /** Tokens per sample: {@code N} for every scheme except full-length fine-tuning ({@code L}). */
    default int sampleLength() {
        return extension().window();
    }

    /** The shortest document a sample can be drawn from; {@link #sampleLength()} unless stated. */
    default int minimumDocumentLength() {
        return sampleLength();
    }

    /** Opens a stream of samples drawing from {@code rng} (which the sampler then owns). */
    PositionSampler sampler(RandomGenerator rng);

    /** One sample from a fresh stream: {@code sampler(rng).next(documentLength)}. */
    default PositionSample sample(int documentLength, RandomGenerator rng) {
        return sampler(rng).next(documentLength);
    }

    /**
     * Fails with a message naming the setting when the document is too short for this scheme.
     *
     * @return {@code documentLength}
     */
    default int requireDocumentLength(int documentLength) {
        if (documentLength < minimumDocumentLength()) {
            throw new IllegalArgumentException("documentLength " + documentLength + " is shorter than the "
                    + minimumDocumentLength() + " tokens scheme " + name() + " needs");
        }
        return documentLength;
    }
}
