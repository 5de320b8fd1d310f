package org.creamlab.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The shape of a Llama-style decoder, with the Hugging Face {@code LlamaConfig} meaning of every
 * field.
 *
 * @param vocabSize number of token ids V ({@code vocab_size})
 * @param hiddenSize model width d ({@code hidden_size})
 * @param layers decoder layers ({@code num_hidden_layers})
 * @param heads query heads H; {@code d / H} is the head dimension ({@code num_attention_heads})
 * @param kvHeads key/value heads for grouped-query attention, dividing H ({@code num_key_value_heads})
 * @param intermediateSize SwiGLU inner width ({@code intermediate_size})
 * @param ropeBase RoPE base theta ({@code rope_theta}, 10000 for Llama-2)
 * @param rmsNormEps RMSNorm epsilon ({@code rms_norm_eps})
 * @param window the pre-trained context window N ({@code max_position_embeddings})
 * @param tiedEmbeddings whether the LM head reuses the embedding matrix ({@code tie_word_embeddings})
 */
public record LlamaConfig(
        int vocabSize,
        int hiddenSize,
        int layers,
        int heads,
        int kvHeads,
        int intermediateSize,
        double ropeBase,
        double rmsNormEps,
        int window,
        boolean tiedEmbeddings) {

    public LlamaConfig {
        positive("vocabSize", vocabSize);
        positive("hiddenSize", hiddenSize);
        positive("layers", layers);
        positive("heads", heads);
        positive("kvHeads", kvHeads);
        positive("intermediateSize", intermediateSize);
        positive("window", window);
        if (hiddenSize % heads != 0) {
            throw new IllegalArgumentException(
                    "hiddenSize (" + hiddenSize + ") must be divisible by heads (" + heads + ")");
        }
        if ((hiddenSize / heads) % 2 != 0) {
            throw new IllegalArgumentException(
                    "head dimension hiddenSize/heads must be even for RoPE, got " + hiddenSize / heads);
        }
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException(
                    "heads (" + heads + ") must be divisible by kvHeads (" + kvHeads + ")");
        }
        if (!(ropeBase > 1.0) || Double.isInfinite(ropeBase)) {
            throw new IllegalArgumentException("ropeBase must be a finite number > 1, got " + ropeBase);
        }
        if (!(rmsNormEps > 0.0) || rmsNormEps >= 1.0) {
            throw new IllegalArgumentException("rmsNormEps must be in (0, 1), got " + rmsNormEps);
        }
    }

    /** A builder with the miniature-study defaults (d=128, 2 layers, 4 heads, tied head). */
    public static Builder builder() {
        return new Builder();
    }

    /** The per-head dimension {@code d / H}. */
    public int headDim() {
        return hiddenSize / heads;
    }

    /** Query heads per key/value head. */
    public int groupSize() {
        return heads / kvHeads;
    }

    /** Total number of scalar parameters. */
    public long parameterCount() {
        long d = hiddenSize;
        long kv = (long) kvHeads * headDim();
        long perLayer = d * d * 2 + d * kv * 2 + 3 * d * intermediateSize + 2 * d;
        return vocabSize * d * (tiedEmbeddings ? 1 : 2) + layers * perLayer + d;
    }

    /** A stable SHA-256 over every field, used to check that a checkpoint matches a config. */
    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** Builder; every setter names the field it sets, validation happens in {@link #build()}. */
    public static final class Builder {
        private int vocabSize = 512;
        private int hiddenSize = 128;
        private int layers = 2;
        private int heads = 4;
        private Integer kvHeads;
        private Integer intermediateSize;
        private double ropeBase = 10000.0;
        private double rmsNormEps = 1e-5;
        private int window = 128;
        private boolean tiedEmbeddings = true;

        private Builder() {}

        public Builder vocabSize(int v) { this.vocabSize = v; return this; }
        public Builder hiddenSize(int v) { this.hiddenSize = v; return this; }
        public Builder layers(int v) { this.layers = v; return this; }
        public Builder heads(int v) { this.heads = v; return this; }
        /** Defaults to {@code heads} (plain multi-head attention). */
        public Builder kvHeads(int v) { this.kvHeads = v; return this; }
        /** Defaults to {@code 4 * hiddenSize}. */
        public Builder intermediateSize(int v) { this.intermediateSize = v; return this; }
        public Builder ropeBase(double v) { this.ropeBase = v; return this; }
        public Builder rmsNormEps(double v) { this.rmsNormEps = v; return this; }
        public Builder window(int v) { this.window = v; return this; }
        public Builder tiedEmbeddings(boolean v) { this.tiedEmbeddings = v; return this; }

        public LlamaConfig build() {
            return new LlamaConfig(
                    vocabSize,
                    hiddenSize,
                    layers,
                    heads,
                    kvHeads == null ? heads : kvHeads,
                    intermediateSize == null ? 4 * hiddenSize : intermediateSize,
                    ropeBase,
                    rmsNormEps,
                    window,
                    tiedEmbeddings);
        }
    }
}
