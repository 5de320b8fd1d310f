package org.creamlab.positions;

/**
 * A stream of samples from one scheme and one random source. Samplers are cheap, single-threaded
 * and stateful (CREAM's faithful mode keeps the current block's variant): open one per data stream
 * and never share it between threads. Given the same seed, a fresh sampler returns the same
 * sequence.
 */
public interface PositionSampler {

    /**
     * Draws the next sample.
     *
     * @param documentLength length in tokens of the document the tokens are taken from; at least
     *     the scheme's {@link PositionScheme#minimumDocumentLength()}
     * @throws IllegalArgumentException if the document is too short
     */
    PositionSample next(int documentLength);
}
