package org.creamlab.data;

/**
 * One long document for extension fine-tuning or perplexity: {@code <bos>}, the body, and for task
 * documents the answer and {@code <eos>}.
 *
 * <p>Per token it also says what predicting that token trains ({@link #targetClass}) and, for answers
 * and copies, where in the document the evidence is ({@link #evidence}): the gold record's token for
 * an answer token, the source token for a copied one. The supervision audit uses both to count which
 * targets a position scheme's sample can actually learn from.
 *
 * @param kind {@code filler} or a task name
 * @param tokens the tokens (copied in and out)
 * @param answerStart offset of the first token a retrieval loss is taken on: the answer's first
 *     token for task documents, 1 (everything after {@code <bos>}) for filler
 * @param lossTargets per token, whether predicting it is a loss target in extension fine-tuning: the
 *     predictable tokens (answers, copies, filler), not the random draws of a record
 * @param classes per token, the {@link TargetClass} of predicting it ({@code NONE} where it is no loss target)
 * @param evidence per token, the offset of the token its prediction depends on (the gold record's
 *     token for an answer, the source for a copy), or -1 (filler, none, or unknown)
 */
public record TrainingDocument(String kind, int[] tokens, int answerStart, boolean[] lossTargets, TargetClass[] classes,
        int[] evidence) {

    public TrainingDocument {
        tokens = tokens.clone();
        lossTargets = lossTargets.clone();
        classes = classes.clone();
        evidence = evidence.clone();
        if (classes.length != tokens.length || evidence.length != tokens.length) {
            throw new IllegalArgumentException("classes and evidence need one entry per token (" + tokens.length + ")");
        }
        for (int i = 0; i < tokens.length; i++) {
            if (evidence[i] >= i) {
                throw new IllegalArgumentException("evidence of token " + i + " is at " + evidence[i]
                        + ": it must come before the token");
            }
            if (lossTargets[i] != (classes[i] != TargetClass.NONE)) {
                throw new IllegalArgumentException("token " + i + ": loss target " + lossTargets[i] + " but class "
                        + classes[i]);
            }
        }
        if (answerStart < 1 || answerStart >= tokens.length) {
            throw new IllegalArgumentException("answerStart " + answerStart + " outside [1, " + tokens.length + ")");
        }
        if (lossTargets.length != tokens.length) {
            throw new IllegalArgumentException("lossTargets has " + lossTargets.length + " entries for " + tokens.length + " tokens");
        }
    }

    /**
     * A document whose loss targets are given but not classified: every target counts as
     * {@code filler} (no evidence known), for callers that never audit.
     */
    public TrainingDocument(String kind, int[] tokens, int answerStart, boolean[] lossTargets) {
        this(kind, tokens, answerStart, lossTargets, unclassified(lossTargets), noEvidence(tokens.length));
    }

    /** A document whose loss targets are the tokens from {@code answerStart} on, unclassified. */
    public TrainingDocument(String kind, int[] tokens, int answerStart) {
        this(kind, tokens, answerStart, fromOffset(tokens.length, answerStart));
    }

    private static TargetClass[] unclassified(boolean[] lossTargets) {
        TargetClass[] c = new TargetClass[lossTargets.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = lossTargets[i] ? TargetClass.FILLER : TargetClass.NONE;
        }
        return c;
    }

    private static int[] noEvidence(int length) {
        int[] e = new int[length];
        java.util.Arrays.fill(e, -1);
        return e;
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

    @Override
    public TargetClass[] classes() {
        return classes.clone();
    }

    @Override
    public int[] evidence() {
        return evidence.clone();
    }

    /** The class of predicting the token at {@code offset}, without copying. */
    public TargetClass targetClass(int offset) {
        return classes[offset];
    }

    /** The evidence offset of the token at {@code offset} (-1 for none), without copying. */
    public int evidence(int offset) {
        return evidence[offset];
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
                && java.util.Arrays.equals(tokens, d.tokens) && java.util.Arrays.equals(lossTargets, d.lossTargets)
                && java.util.Arrays.equals(classes, d.classes) && java.util.Arrays.equals(evidence, d.evidence);
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
