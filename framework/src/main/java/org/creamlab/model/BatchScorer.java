package org.creamlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.creamlab.rope.RopeScaling;

/**
 * Teacher-forced scoring of many sequences of different lengths in padded batches: for every
 * position t the log-probability of the actual next token {@code seq[t+1]} and the argmax token.
 * Rows are right-padded; causal attention keeps padding from affecting real positions.
 */
public final class BatchScorer {

    /**
     * Per sequence of length n, arrays of length n - 1.
     *
     * @param nextTokenLogProbs {@code log p(seq[t+1] | seq[0..t])}
     * @param argmax the greedy prediction after {@code seq[0..t]}
     */
    public record Scores(float[][] nextTokenLogProbs, int[][] argmax) {}

    /** A forward pass: logits {@code (B, T, V)} in {@code manager} for tokens and position ids {@code [B][T]}. */
    @FunctionalInterface
    public interface Forward {
        NDArray logits(NDManager manager, int[][] tokens, long[][] positions);
    }

    private final Forward forward;
    private final int batchSize;

    /** Scoring with the model's plain forward (low-memory, chunked attention) under {@code scaling}. */
    public BatchScorer(LlamaModel model, RopeScaling scaling, int batchSize) {
        this((m, tokens, positions) -> model.logitsLowMemory(m, tokens, positions, scaling, LlamaModel.DEFAULT_QUERY_CHUNK,
                false), batchSize);
    }

    /** Scoring with any forward (e.g. under a training-free position remapping). */
    public BatchScorer(Forward forward, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        this.forward = forward;
        this.batchSize = batchSize;
    }

    /**
     * @param sequences token rows, each of length >= 2
     * @param positions their position ids, or null for {@code 0 .. n-1}
     */
    public Scores score(NDManager parent, int[][] sequences, long[][] positions) {
        int n = sequences.length;
        float[][] logProbs = new float[n][];
        int[][] argmax = new int[n][];
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            int maxLen = 0;
            for (int i = start; i < end; i++) {
                if (sequences[i].length < 2) {
                    throw new IllegalArgumentException("sequence " + i + " must hold at least 2 tokens");
                }
                maxLen = Math.max(maxLen, sequences[i].length);
            }
            int rows = end - start;
            int[][] tokens = new int[rows][maxLen];
            long[][] pos = new long[rows][maxLen];
            long[] targets = new long[rows * maxLen];
            for (int r = 0; r < rows; r++) {
                int[] seq = sequences[start + r];
                for (int t = 0; t < maxLen; t++) {
                    boolean real = t < seq.length;
                    tokens[r][t] = real ? seq[t] : 0;
                    long last = positions == null ? seq.length - 1 : positions[start + r][seq.length - 1];
                    pos[r][t] = real ? (positions == null ? t : positions[start + r][t]) : last + (t - seq.length + 1);
                    targets[r * maxLen + t] = t + 1 < seq.length ? seq[t + 1] : 0;
                }
            }
            try (NDManager m = parent.newSubManager()) {
                NDArray logits = forward.logits(m, tokens, pos);
                NDArray logp = logits.logSoftmax(-1);
                NDArray idx = m.create(targets, new Shape(rows, maxLen, 1));
                float[] picked = logp.gather(idx, 2).toFloatArray();
                long[] best = logits.argMax(-1).toType(DataType.INT64, false).toLongArray();
                for (int r = 0; r < rows; r++) {
                    int len = sequences[start + r].length - 1;
                    logProbs[start + r] = new float[len];
                    argmax[start + r] = new int[len];
                    for (int t = 0; t < len; t++) {
                        logProbs[start + r][t] = picked[r * maxLen + t];
                        argmax[start + r][t] = (int) best[r * maxLen + t];
                    }
                }
            }
        }
        return new Scores(logProbs, argmax);
    }
}
