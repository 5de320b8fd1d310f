package org.creamlab.data;

import java.util.Arrays;

/** Appends encoded pieces of text to a growing token array and reports where each piece starts. */
final class PromptBuilder {

    private final Tokenizer tokenizer;
    private int[] tokens = new int[256];
    private int size;

    PromptBuilder(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Appends the encoding of {@code text}; returns the offset of its first token. */
    int append(String text) {
        return append(tokenizer.encode(text));
    }

    /** Appends {@code ids}; returns the offset of the first. */
    int append(int[] ids) {
        return append(ids, 0, ids.length);
    }

    /** Appends {@code ids[from, to)}; returns the offset of the first. */
    int append(int[] ids, int from, int to) {
        int start = size;
        int n = to - from;
        if (size + n > tokens.length) {
            tokens = Arrays.copyOf(tokens, Math.max(tokens.length * 2, size + n));
        }
        System.arraycopy(ids, from, tokens, size, n);
        size += n;
        return start;
    }

    /** Appends one token; returns its offset. */
    int appendToken(int id) {
        return append(new int[] {id});
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(tokens, size);
    }
}
