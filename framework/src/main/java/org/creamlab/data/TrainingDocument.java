package org.creamlab.data;

/**
 * One long document for extension fine-tuning or perplexity: {@code <bos>}, the body, and for task
 * documents the answer and {@code <eos>}.
 *
 * @param kind {@code filler} or a task name
 * @param tokens the tokens (copied in and out)
 * @param answerStart offset of the first token a retrieval loss is taken on: the answer's first
 *     token for task documents, 1 (everything after {@code <bos>}) for filler
 * @param lossTargets per token, whether predicting it is a loss target in extension fine-tuning: the
 *     predictable tokens (answers, copies, filler), not the random draws of a record
 */
public record TrainingDocument(String kind, int[] tokens, int answerStart, boolean[] lossTargets) {

    public TrainingDocument {
        tokens = tokens.clone();
        lossTargets = lossTargets.clone();
        if (answerStart < 1 || answerStart >= tokens.length) {
            throw new IllegalArgumentException("answerStart " + answerStart + " outside [1, " + tokens.length + ")");
        }
        if (lossTargets.length != tokens.length) {
            throw new IllegalArgumentException("lossTargets has " + lossTargets.length + " entries for " + tokens.length + " tokens");
        }
    }

    /** A document whose loss targets are the tokens from {@code answerStart} on. */
    public TrainingDocument(String kind, int[] tokens, int answerStart) {
        this(kind, tokens, answerStart, fromOffset(tokens.length, answerStart));
    }

    private static boolean[] fromOffset(int length, int start) {
        boolean[] t = new boolean[length];
        for (int i = Math.max(0, start); i < length; i++) {
            t[i] = true;
        }
        return t;
    }

    @Override
    public boolean[] lossTargets() {
        return lossTargets.clone();
    }

    /** Whether the token at {@code offset} is a loss target, without copying. */
    public boolean isLossTarget(int offset) {
        return lossTargets[offset];
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
                && java.util.Arrays.equals(tokens, d.tokens) && java.util.Arrays.equals(lossTargets, d.lossTargets);
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
