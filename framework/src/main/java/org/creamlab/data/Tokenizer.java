package org.creamlab.data;

/**
 * Text to token ids and back, for the project's own word vocabulary ({@link WordTokenizer}) and for
 * Hugging Face {@code tokenizer.json} files ({@link HuggingFaceTokenizerAdapter}).
 *
 * <p>Contract: {@link #encode} never adds special tokens (callers put {@code <bos>} where they want
 * it), returns an empty array for empty or blank input, and maps text it cannot represent to
 * {@link SpecialTokens#unk()} rather than failing. Ids lie in {@code [0, vocabularySize())}.
 * Implementations are immutable and safe to share between threads unless stated.
 */
public interface Tokenizer {

    /** The token ids of {@code text}, without special tokens; empty for empty input. */
    int[] encode(String text);

    /** Readable text for {@code ids}; special tokens appear by their names (e.g. {@code <eos>}). */
    String decode(int[] ids);

    /** Number of ids; every id is in {@code [0, vocabularySize())}. */
    int vocabularySize();

    /** The ids of the special tokens. */
    SpecialTokens specialTokens();
}
