package org.creamlab.experiments.study;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.creamlab.experiment.RunParams;
import org.creamlab.model.LlamaConfig;

/**
 * Everything that decides a pre-trained base: the model shape and the pre-training recipe. Its
 * {@link #hash()} keys the base-model cache, so a changed setting trains a new base.
 *
 * @param window pre-trained window N
 * @param hidden hidden size
 * @param layers decoder layers
 * @param heads attention heads
 * @param steps optimizer steps
 * @param batch rows per step
 * @param learningRate peak learning rate (warm-up, then cosine to 10%)
 * @param copyShareEarly fraction of copy warm-up rows until the copy probe passes
 * @param copyShareLate fraction of copy rows afterwards
 * @param seed weight and data seed
 */
public record BaseRecipe(int window, int hidden, int layers, int heads, int steps, int batch, double learningRate,
                         double copyShareEarly, double copyShareLate, long seed) {

    /** Bump when the data generators or the recipe's code change meaning, so old caches are not reused. */
    static final int RECIPE_VERSION = 5;

    /**
     * From the base parameters every study experiment shares (see {@link BaseParams}): window,
     * hidden, layers, heads, pretrainSteps, pretrainBatch, pretrainLr, baseSeed.
     */
    public static BaseRecipe from(RunParams p) {
        return new BaseRecipe(p.getInt("window"), p.getInt("hidden"), p.getInt("layers"), p.getInt("heads"),
                p.getInt("pretrainSteps"), p.getInt("pretrainBatch"), p.getDouble("pretrainLr"), 0.8, 0.1,
                p.getLong("baseSeed"));
    }

    public LlamaConfig modelConfig(int vocabulary) {
        return LlamaConfig.builder().vocabSize(vocabulary).hiddenSize(hidden).layers(layers).heads(heads).window(window)
                .build();
    }

    /** Hex SHA-256 (first 16 chars) of every field and the recipe version. */
    public String hash() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((RECIPE_VERSION + "|" + this).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
