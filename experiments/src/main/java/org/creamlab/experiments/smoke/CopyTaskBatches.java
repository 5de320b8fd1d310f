package org.creamlab.experiments.smoke;

import java.util.SplittableRandom;
import org.creamlab.train.Batch;
import org.creamlab.train.BatchSource;

/**
 * The smoke experiment's data: {@code x1..xm SEP x1..xm} with random ids in {@code [2, vocab)},
 * {@code SEP = 1}, position ids {@code 0..2m}, and the loss on the copied half only. A model that
 * learns to attend back by a fixed offset (an induction-style head) drives that loss to zero.
 */
final class CopyTaskBatches implements BatchSource {

    static final int SEPARATOR = 1;

    private final int batchSize;
    private final int copyLength;
    private final int vocab;

    CopyTaskBatches(int batchSize, int copyLength, int vocab) {
        if (vocab < 4) {
            throw new IllegalArgumentException("setting 'vocab' must be >= 4, got " + vocab);
        }
        this.batchSize = batchSize;
        this.copyLength = copyLength;
        this.vocab = vocab;
    }

    @Override
    public Batch batch(long step, int micro, SplittableRandom random) {
        int t = 2 * copyLength + 1;
        int[][] tokens = new int[batchSize][t];
        long[][] positions = new long[batchSize][t];
        int[][] targets = new int[batchSize][t];
        boolean[][] mask = new boolean[batchSize][t];
        for (int b = 0; b < batchSize; b++) {
            for (int i = 0; i < copyLength; i++) {
                tokens[b][i] = 2 + random.nextInt(vocab - 2);
                tokens[b][copyLength + 1 + i] = tokens[b][i];
            }
            tokens[b][copyLength] = SEPARATOR;
            for (int i = 0; i < t; i++) {
                positions[b][i] = i;
                if (i + 1 < t) {
                    targets[b][i] = tokens[b][i + 1];
                    mask[b][i] = i >= copyLength;
                }
            }
        }
        return new Batch(tokens, positions, targets, mask);
    }
}
