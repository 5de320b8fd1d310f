package org.creamlab.data;

import java.util.random.RandomGenerator;

/** Encoded filler prose of an exact token count: grammar sentences, the last one cut. */
final class FillerStream {

    private final Tokenizer tokenizer;
    private final FillerGrammar grammar;
    private final RandomGenerator rng;

    FillerStream(Tokenizer tokenizer, FillerGrammar grammar, RandomGenerator rng) {
        this.tokenizer = tokenizer;
        this.grammar = grammar;
        this.rng = rng;
    }

    /** Exactly {@code count} tokens of filler. */
    int[] take(int count) {
        PromptBuilder out = new PromptBuilder(tokenizer);
        while (out.size() < count) {
            out.append(grammar.sentence(rng));
        }
        int[] all = out.toArray();
        return java.util.Arrays.copyOf(all, count);
    }
}
