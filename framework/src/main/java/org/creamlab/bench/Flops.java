package org.creamlab.bench;

import org.creamlab.model.LlamaConfig;

/** Matmul FLOP counts of the model (the numerator of every GFLOP/s figure). */
final class Flops {

    private Flops() {}

    /** Matmul FLOPs of one forward: projections, MLP, head, and full (unmasked) attention. */
    static double forward(LlamaConfig c, int b, int t) {
        double tokens = (double) b * t;
        double d = c.hiddenSize();
        double kv = c.kvHeads() * c.headDim();
        double perLayer = 2 * tokens * (2 * d * d + 2 * d * kv + 3 * d * c.intermediateSize())
                + 2 * 2 * b * (double) t * t * d;
        return c.layers() * perLayer + 2 * tokens * d * c.vocabSize();
    }

    /** One training step: forward plus backward (two matmuls per forward matmul). */
    static double train(LlamaConfig c, int b, int t) {
        return 3 * forward(c, b, t);
    }
}
