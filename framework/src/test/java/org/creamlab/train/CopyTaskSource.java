package org.creamlab.train;

import java.util.SplittableRandom;

/**
 * Test data: {@code x1..xm SEP x1..xm} with ids in [2, vocab), SEP = 1, loss on the copy only.
 * With {@code fixed}, every step gets the same batch (for overfitting).
 */
final class CopyTaskSource implements BatchSource {

    private final int batchSize;
    private final int length;
    private final int vocab;
    private final boolean fixed;

    CopyTaskSource(int batchSize, int length, int vocab, boolean fixed) {
        this.batchSize = batchSize;
        this.length = length;
        this.vocab = vocab;
        this.fixed = fixed;
    }

    @Override
    public Batch batch(long step, int micro, SplittableRandom random) {
        SplittableRandom r = fixed ? new SplittableRandom(1234 + micro) : random;
        int t = 2 * length + 1;
        int[][] tokens = new int[batchSize][t];
        long[][] positions = new long[batchSize][t];
        int[][] targets = new int[batchSize][t];
        boolean[][] mask = new boolean[batchSize][t];
        for (int b = 0; b < batchSize; b++) {
            for (int i = 0; i < length; i++) {
                tokens[b][i] = 2 + r.nextInt(vocab - 2);
                tokens[b][length + 1 + i] = tokens[b][i];
            }
            tokens[b][length] = 1;
            for (int i = 0; i < t; i++) {
                positions[b][i] = i;
                if (i + 1 < t) {
                    targets[b][i] = tokens[b][i + 1];
                    mask[b][i] = i >= length;
                }
            }
        }
        return new Batch(tokens, positions, targets, mask);
    }
}
