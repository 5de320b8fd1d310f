package org.creamlab.data;

import java.util.random.RandomGenerator;

/**
 * A task whose record holds many items that can each be asked about (key-value retrieval,
 * LongChat-Lines): one record then trains several answers at distances up to its length.
 */
public interface AskableTaskGenerator extends TaskGenerator {

    /**
     * A sample for a prompt of {@code length} tokens, as {@link #sample} makes it with the gold item
     * placed uniformly, then {@code questions - 1} follow-up questions about other items of its
     * record (distinct, uniformly drawn; fewer when the record holds fewer items).
     *
     * @throws IllegalArgumentException if {@code questions < 1} or the prompt cannot fit {@code length}
     */
    AskedSample sampleAsked(RandomGenerator rng, int length, int questions);

    /** The most tokens {@code count} follow-ups add: question, answer and {@code <eos>} each. */
    int followUpTokens(int count);
}
