package org.creamlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.creamlab.model.LlamaModel;
import org.creamlab.rope.RopeScaling;

/** Masked next-token cross-entropy. */
public final class LanguageModelLoss {

    private LanguageModelLoss() {}

    /**
     * {@code -sum_{masked (b,t)} log p(targets[b][t]) * scale}, with everything in {@code manager}
     * (keep it open until backward).
     *
     * @param scale a 0-d array, usually 1 / (masked tokens over all micro-batches of the step)
     * @return a 0-d loss
     */
    public static NDArray maskedNll(LlamaModel model, NDManager manager, Batch batch, RopeScaling scaling, NDArray scale) {
        return terms(model, manager, batch, scaling, scale).loss();
    }

    /**
     * The loss and, detached from the graph, each target's own negative log-likelihood
     * ({@code [B, T]}, 0 where the mask is off), from one forward pass.
     */
    public static Terms terms(LlamaModel model, NDManager manager, Batch batch, RopeScaling scaling, NDArray scale) {
        int b = batch.batchSize();
        int t = batch.length();
        long[] targets = new long[b * t];
        float[] mask = new float[b * t];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                targets[i * t + j] = batch.targets()[i][j];
                mask[i * t + j] = batch.lossMask()[i][j] ? 1f : 0f;
            }
        }
        NDArray logits = model.logits(manager, batch.tokens(), batch.positions(), scaling);
        NDArray logp = logits.logSoftmax(-1);
        NDArray picked = logp.gather(manager.create(targets, new Shape(b, t, 1)), 2);
        NDArray perToken = picked.mul(manager.create(mask, new Shape(b, t, 1))).neg();
        return new Terms(perToken.sum().mul(scale), perToken.stopGradient().reshape(b, t));
    }

    /**
     * @param loss the 0-d scaled loss to back-propagate
     * @param perToken {@code [B, T]} each masked target's negative log-likelihood (no gradient)
     */
    public record Terms(NDArray loss, NDArray perToken) {}
}
