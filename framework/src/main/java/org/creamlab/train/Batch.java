package org.creamlab.train;

/**
 * One micro-batch for next-token training.
 *
 * @param tokens {@code [B][T]} input ids
 * @param positions {@code [B][T]} position ids (any scheme: contiguous, PoSE, CREAM ...)
 * @param targets {@code [B][T]} the id to predict at each position (ignored where the mask is off)
 * @param lossMask {@code [B][T]} whether position t contributes to the loss
 * @param labels what each target trains and whether it is learnable, or null when the source does not say
 */
public record Batch(int[][] tokens, long[][] positions, int[][] targets, boolean[][] lossMask, TargetLabels labels) {

    /** A batch without target labels. */
    public Batch(int[][] tokens, long[][] positions, int[][] targets, boolean[][] lossMask) {
        this(tokens, positions, targets, lossMask, null);
    }

    public Batch {
        int b = tokens.length;
        if (b == 0 || tokens[0].length == 0) {
            throw new IllegalArgumentException("batch tokens must be a non-empty [B][T] array");
        }
        int t = tokens[0].length;
        if (positions.length != b || targets.length != b || lossMask.length != b) {
            throw new IllegalArgumentException("tokens, positions, targets and lossMask must all have " + b + " rows");
        }
        for (int i = 0; i < b; i++) {
            if (tokens[i].length != t || positions[i].length != t || targets[i].length != t || lossMask[i].length != t) {
                throw new IllegalArgumentException("every row of the batch must have length " + t + " (row " + i + ")");
            }
        }
        if (labels != null) {
            labels.requireShape(b, t, lossMask);
        }
    }

    public int batchSize() {
        return tokens.length;
    }

    public int length() {
        return tokens[0].length;
    }

    /** Number of positions whose loss counts. */
    public long maskedCount() {
        long n = 0;
        for (boolean[] row : lossMask) {
            for (boolean on : row) {
                if (on) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * The plain language-model batch: targets are the next token, the loss covers every position
     * but the last of each row.
     */
    public static Batch nextToken(int[][] tokens, long[][] positions) {
        int b = tokens.length;
        int t = tokens[0].length;
        int[][] targets = new int[b][t];
        boolean[][] mask = new boolean[b][t];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j + 1 < t; j++) {
                targets[i][j] = tokens[i][j + 1];
                mask[i][j] = true;
            }
        }
        return new Batch(tokens, positions, targets, mask);
    }
}
