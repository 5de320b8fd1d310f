package org.creamlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import org.creamlab.model.kernels.FusedKernels;
import org.creamlab.rope.RopeScaling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Llama decoder as plain functions over {@link LlamaWeights}: token embedding, then per layer
 * {@code h += o(attn(rope(q(norm(h))), rope(k(norm(h))), v(norm(h))))} and
 * {@code h += down(silu(gate(norm(h))) * up(norm(h)))}, then a final RMSNorm and the LM head.
 * Position ids are explicit, so any PositionScheme's ids and any {@link RopeScaling} can be used.
 *
 * <p>Shapes: tokens {@code (B, T)} int; positions {@code (B, T)} long; hidden states
 * {@code (B, T, d)}; q {@code (B, H, T, d/H)}; k, v {@code (B, Hkv, T, d/H)}; attention scores
 * {@code (B, H, Tq, Tk)}; logits {@code (B, T, V)} float32.
 *
 * <p>Three ways to run it: {@link #logits} keeps every activation in the caller's manager (for
 * training under a GradientCollector); {@link #logitsLowMemory} frees each layer's activations
 * before the next and chunks queries (long-sequence inference, memory ~ T * chunk instead of
 * layers * T^2); {@link #step} runs new tokens against a {@link KvCache}.
 *
 * <p>By default attention and the SwiGLU gating run in libtorch's fused kernels
 * ({@link FusedKernels}: flash attention, which never materializes the T x T scores, and a fused
 * SiLU product) wherever they apply to float32; {@code new LlamaModel(weights, false)} computes
 * everything with plain DJL ops (the same function up to float rounding; the tests compare the two).
 */
public final class LlamaModel {

    /** Default queries per attention chunk in the low-memory path. */
    public static final int DEFAULT_QUERY_CHUNK = 256;

    private static final Logger LOG = LoggerFactory.getLogger(LlamaModel.class);

    private final LlamaWeights weights;
    private final LlamaConfig config;
    private final FusedKernels fused;

    /** The model with libtorch's fused kernels where they apply. */
    public LlamaModel(LlamaWeights weights) {
        this(weights, true);
    }

    /**
     * @param fusedKernels use {@link FusedKernels} (compiled into the weights' manager, closed with
     *     it); if libtorch cannot provide them the model logs why and runs on plain ops
     */
    public LlamaModel(LlamaWeights weights, boolean fusedKernels) {
        this.weights = weights;
        this.config = weights.config();
        this.fused = fusedKernels ? loadKernels(weights.manager()) : null;
    }

    private static FusedKernels loadKernels(NDManager manager) {
        try {
            return FusedKernels.load(manager);
        } catch (IllegalStateException e) {
            LOG.warn("fused kernels unavailable, using plain DJL ops: {}", e.getMessage());
            return null;
        }
    }

    /** Whether attention and SwiGLU run in libtorch's fused kernels (where they apply). */
    public boolean usesFusedKernels() {
        return fused != null;
    }

    public LlamaConfig config() {
        return config;
    }

    public LlamaWeights weights() {
        return weights;
    }

    /** An empty cache for {@link #step}; the caller closes it. */
    public KvCache newCache(NDManager parent) {
        return new KvCache(parent, config.layers());
    }

    /**
     * Full forward with all activations in {@code manager} (the training path).
     *
     * @param tokens {@code [B][T]} token ids
     * @param positions {@code [B][T]} position ids
     * @return logits {@code (B, T, V)} in {@code manager}
     */
    public NDArray logits(NDManager manager, int[][] tokens, long[][] positions, RopeScaling scaling) {
        ForwardContext ctx = context(manager, tokens, positions, scaling, Integer.MAX_VALUE, 0);
        NDArray h = embed(manager, tokens);
        for (int layer = 0; layer < config.layers(); layer++) {
            h = layer(ctx, layer, h, null);
        }
        return head(h, false);
    }

    /**
     * Inference forward under a training-free position remapping ({@link
     * org.creamlab.positions.remap.PositionRemap}: Self-Extend, ReRoPE, STRING, Ms-PoE, ...): every
     * layer's attention takes each (query, key) pair's score from the remapping's region that holds
     * their relative distance ({@link RemappedAttention}). Full sequences, no cache; the scores are
     * materialized per region. Call it outside any GradientCollector.
     *
     * @return logits {@code (B, T, V)} in {@code manager}
     */
    public NDArray logitsRemapped(NDManager manager, int[][] tokens, long[][] positions, RopeScaling scaling,
                                  org.creamlab.positions.remap.PositionRemap remap) {
        RemappedAttention remapped = RemappedAttention.build(manager, config, dataType(), positions, scaling, remap);
        return logitsRemapped(manager, tokens, positions, scaling, (q, k) -> remapped);
    }

    /**
     * Inference forward with Ms-PoE ({@link org.creamlab.positions.remap.MsPoe}): in every layer the heads
     * are ranked by their position-awareness on this input (before RoPE, the last query's attention
     * outliers, averaged over the batch) and get scaling ratios from {@code rhoMin} (most aware) upwards.
     *
     * @return logits {@code (B, T, V)} in {@code manager}
     */
    public NDArray logitsMsPoe(NDManager manager, int[][] tokens, long[][] positions, RopeScaling scaling,
                               double rhoMin, double rhoMax) {
        return logitsRemapped(manager, tokens, positions, scaling, (q, k) -> RemappedAttention.build(q.getManager(), config,
                dataType(), positions, scaling, org.creamlab.positions.remap.MsPoe.fromAwareness(rhoMin, rhoMax,
                        RemappedAttention.awareness(config, q, k))));
    }

    /** The forward with each layer's remapped attention from {@code perLayer} (given its pre-RoPE q and k). */
    private NDArray logitsRemapped(NDManager manager, int[][] tokens, long[][] positions, RopeScaling scaling,
                                   java.util.function.BiFunction<NDArray, NDArray, RemappedAttention> perLayer) {
        ForwardContext ctx = context(manager, tokens, positions, scaling, Integer.MAX_VALUE, 0);
        NDArray h = embed(manager, tokens);
        for (int layer = 0; layer < config.layers(); layer++) {
            try (NDManager sub = manager.newSubManager()) {
                h.attach(sub);
                NDArray next = layer(ctx, layer, h, null, perLayer);
                next.attach(manager);
                h = next;
            }
        }
        return head(h, false);
    }

    /**
     * Inference forward that closes each layer's intermediates before the next layer and computes
     * attention in chunks of {@code queryChunk} queries. Call it outside any GradientCollector.
     *
     * @return logits {@code (B, T, V)} (or {@code (B, 1, V)} for the last position when
     *     {@code lastOnly}) in {@code manager}
     */
    public NDArray logitsLowMemory(
            NDManager manager, int[][] tokens, long[][] positions, RopeScaling scaling, int queryChunk, boolean lastOnly) {
        if (queryChunk <= 0) {
            throw new IllegalArgumentException("queryChunk must be positive, got " + queryChunk);
        }
        ForwardContext ctx = context(manager, tokens, positions, scaling, queryChunk, 0);
        NDArray h = embed(manager, tokens);
        for (int layer = 0; layer < config.layers(); layer++) {
            try (NDManager sub = manager.newSubManager()) {
                h.attach(sub);
                NDArray next = layer(ctx, layer, h, null);
                next.attach(manager);
                h = next;
            }
        }
        try (NDManager sub = manager.newSubManager()) {
            h.attach(sub);
            NDArray out = head(h, lastOnly);
            out.attach(manager);
            return out;
        }
    }

    /**
     * Runs new tokens against the cache (appending their keys and values) and returns their logits.
     * Every row of the batch advances together. Call it outside any GradientCollector.
     *
     * @param tokens {@code [B][Tnew]}
     * @param positions {@code [B][Tnew]} position ids of the new tokens
     * @param lastOnly return only the last position's logits
     * @return {@code (B, Tnew, V)} or {@code (B, 1, V)} in {@code manager}
     */
    public NDArray step(
            NDManager manager, KvCache cache, int[][] tokens, long[][] positions, RopeScaling scaling, boolean lastOnly) {
        ForwardContext ctx = context(manager, tokens, positions, scaling, DEFAULT_QUERY_CHUNK, cache.length());
        NDArray h = embed(manager, tokens);
        for (int layer = 0; layer < config.layers(); layer++) {
            try (NDManager sub = manager.newSubManager()) {
                h.attach(sub);
                NDArray next = layer(ctx, layer, h, cache);
                next.attach(manager);
                h = next;
            }
        }
        cache.advance(tokens[0].length);
        try (NDManager sub = manager.newSubManager()) {
            h.attach(sub);
            NDArray out = head(h, lastOnly);
            out.attach(manager);
            return out;
        }
    }

    private ForwardContext context(
            NDManager manager, int[][] tokens, long[][] positions, RopeScaling scaling, int chunk, int past) {
        checkInputs(tokens, positions);
        return new ForwardContext(manager, config, dataType(), positions, scaling, chunk, past, fused);
    }

    private DataType dataType() {
        return weights.get(WeightNames.EMBED).getDataType();
    }

    private NDArray embed(NDManager manager, int[][] tokens) {
        int b = tokens.length;
        int t = tokens[0].length;
        long[] flat = new long[b * t];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                flat[i * t + j] = tokens[i][j];
            }
        }
        NDArray ids = manager.create(flat, new ai.djl.ndarray.types.Shape(b, t));
        return Embedding.embedding(ids, weights.get(WeightNames.EMBED), SparseFormat.DENSE).singletonOrThrow();
    }

    private NDArray layer(ForwardContext ctx, int layer, NDArray h, KvCache cache) {
        return layer(ctx, layer, h, cache, null);
    }

    /** One decoder layer; with {@code remapped}, attention runs under the position remapping it gives (no cache). */
    private NDArray layer(ForwardContext ctx, int layer, NDArray h, KvCache cache,
                          java.util.function.BiFunction<NDArray, NDArray, RemappedAttention> remapped) {
        int hd = config.headDim();
        NDArray x = DecoderOps.rmsNorm(h, weights.get(WeightNames.inputNorm(layer)), ctx.eps);
        NDArray q = DecoderOps.splitHeads(DecoderOps.linear(x, weights.get(WeightNames.q(layer))), config.heads(), hd);
        NDArray k = DecoderOps.splitHeads(DecoderOps.linear(x, weights.get(WeightNames.k(layer))), config.kvHeads(), hd);
        NDArray v = DecoderOps.splitHeads(DecoderOps.linear(x, weights.get(WeightNames.v(layer))), config.kvHeads(), hd);
        NDArray attention;
        if (remapped != null) {
            attention = remapped.apply(q, k).attend(ctx, q, k, v);
        } else {
            q = DecoderOps.rope(q, ctx.cosQ, ctx.sinQ, ctx.rotation); // scaled by 1/sqrt(hd)
            k = DecoderOps.rope(k, ctx.cos, ctx.sin, ctx.rotation);
            if (cache != null) {
                NDArray[] full = cache.append(layer, k, v);
                k = full[0];
                v = full[1];
            }
            attention = DecoderOps.attention(ctx, q, k, v);
        }
        NDArray attended = DecoderOps.mergeHeads(attention);
        h = h.add(DecoderOps.linear(attended, weights.get(WeightNames.o(layer))));
        NDArray y = DecoderOps.rmsNorm(h, weights.get(WeightNames.postNorm(layer)), ctx.eps);
        NDArray mlp = DecoderOps.swiGlu(
                ctx,
                y,
                weights.get(WeightNames.gate(layer)),
                weights.get(WeightNames.up(layer)),
                weights.get(WeightNames.down(layer)));
        return h.add(mlp);
    }

    private NDArray head(NDArray h, boolean lastOnly) {
        NDArray x = h;
        if (lastOnly) {
            long t = h.getShape().get(1);
            x = h.get(new NDIndex(":, {}:{}, :", t - 1, t));
        }
        NDArray eps = x.getManager().create((float) config.rmsNormEps());
        NDArray normed = DecoderOps.rmsNorm(x, weights.get(WeightNames.FINAL_NORM), eps);
        NDArray logits = DecoderOps.linear(normed, weights.lmHead());
        return logits.getDataType() == DataType.FLOAT32 ? logits : logits.toType(DataType.FLOAT32, false);
    }

    private void checkInputs(int[][] tokens, long[][] positions) {
        if (tokens.length == 0 || tokens[0].length == 0) {
            throw new IllegalArgumentException("tokens must be a non-empty [B][T] array");
        }
        if (positions.length != tokens.length) {
            throw new IllegalArgumentException(
                    "positions has " + positions.length + " rows but tokens has " + tokens.length);
        }
        int t = tokens[0].length;
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].length != t || positions[i].length != t) {
                throw new IllegalArgumentException("every token and position row must have length " + t + " (row " + i + ")");
            }
            for (int id : tokens[i]) {
                if (id < 0 || id >= config.vocabSize()) {
                    throw new IllegalArgumentException("token id " + id + " outside vocabulary [0, " + config.vocabSize() + ")");
                }
            }
        }
    }
}
