package org.creamlab.data;

/**
 * One long document for extension fine-tuning or perplexity: {@code <bos>}, the body, and for task
 * documents the answer and {@code <eos>}.
 *
 * @param kind {@code filler} or a task name
 * @param tokens the tokens (copied in and out)
 * @param answerStart offset of the first token a retrieval loss is taken on: the answer's first
 *     token for task documents, 1 (everything after {@code <bos>}) for filler
 */
public record TrainingDocument(String kind, int[] tokens, int answerStart) {

    public TrainingDocument {
        tokens = tokens.clone();
        if (answerStart < 1 || answerStart >= tokens.length) {
            throw new IllegalArgumentException("answerStart " + answerStart + " outside [1, " + tokens.length + ")");
        }
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    /** Number of tokens. */
    public int length() {
        return tokens.length;
    }

    /** The token at {@code offset}, without copying. */
    public int token(int offset) {
        return tokens[offset];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingDocument d && kind.equals(d.kind) && answerStart == d.answerStart
                && java.util.Arrays.equals(tokens, d.tokens);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + java.util.Arrays.hashCode(tokens);
    }

    @Override
    public String toString() {
        return "TrainingDocument[" + kind + ", " + tokens.length + " tokens, answer at " + answerStart + "]";
    }
}
