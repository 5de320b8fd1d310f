package org.creamlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;

/**
 * The decoder's building blocks as functions over arrays. Every op keeps the activation as its
 * first operand so results attach to the activation's manager, never to the weights' manager.
 */
final class DecoderOps {

    private DecoderOps() {}

    /**
     * RMSNorm: {@code x / sqrt(mean(x^2) + eps) * w}, computed in float32.
     *
     * @param x {@code (..., d)}
     * @param w {@code (d)}
     */
    static NDArray rmsNorm(NDArray x, NDArray w, NDArray eps) {
        DataType type = x.getDataType();
        NDArray xf = type == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
        NDArray variance = xf.square().mean(new int[] {-1}, true);
        NDArray normed = xf.div(variance.add(eps).sqrt());
        if (type != DataType.FLOAT32) {
            normed = normed.toType(type, false);
        }
        return normed.mul(w);
    }

    /** {@code x W^T} for a PyTorch-layout weight {@code (out, in)}. */
    static NDArray linear(NDArray x, NDArray w) {
        return Linear.linear(x, w).singletonOrThrow();
    }

    /**
     * SiLU-gated MLP: {@code down(silu(gate(x)) * up(x))}; x {@code (B, T, d)}. The gating runs in
     * libtorch's fused kernel when the pass has one.
     */
    static NDArray swiGlu(ForwardContext ctx, NDArray x, NDArray gate, NDArray up, NDArray down) {
        NDArray g = linear(x, gate);
        NDArray u = linear(x, up);
        if (ctx.fused != null) {
            return linear(ctx.fused.swiGlu(g, u), down);
        }
        NDArray silu = g.mul(Activation.sigmoid(g));
        return linear(silu.mul(u), down);
    }

    /** HF rotate-half: {@code (x1, x2) -> (-x2, x1)} on the last axis of {@code (B, H, T, hd)}. */
    static NDArray rotateHalf(NDArray x) {
        NDList halves = x.split(2, 3);
        return halves.get(1).neg().concat(halves.get(0), 3);
    }

    /** RoPE: {@code x * cos + rotate_half(x) * sin}; x {@code (B, H, T, hd)}, cos/sin {@code (B, 1, T, hd)}. */
    static NDArray rope(NDArray x, NDArray cos, NDArray sin) {
        return x.mul(cos).add(rotateHalf(x).mul(sin));
    }

    /**
     * RoPE with rotate-half as a matmul by the fixed {@code (hd, hd)} matrix R (one op instead of
     * split/neg/concat; exact, since each output is one input times +-1).
     */
    static NDArray rope(NDArray x, NDArray cos, NDArray sin, NDArray rotation) {
        return x.mul(cos).add(x.matMul(rotation).mul(sin));
    }

    /** {@code (B, T, heads * hd) -> (B, heads, T, hd)}. */
    static NDArray splitHeads(NDArray x, int heads, int headDim) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        return x.reshape(b, t, heads, headDim).transpose(0, 2, 1, 3);
    }

    /** {@code (B, heads, T, hd) -> (B, T, heads * hd)}. */
    static NDArray mergeHeads(NDArray x) {
        long b = x.getShape().get(0);
        long h = x.getShape().get(1);
        long t = x.getShape().get(2);
        long hd = x.getShape().get(3);
        return x.transpose(0, 2, 1, 3).reshape(b, t, h * hd);
    }

    /**
     * Repeats key/value heads for grouped-query attention, result owned by {@code owner}.
     *
     * @param x {@code (B, Hkv, Tk, hd)}
     * @return {@code (B, Hkv * group, Tk, hd)}
     */
    static NDArray repeatKv(NDArray x, int group, NDManager owner) {
        if (group == 1) {
            return x;
        }
        long[] s = x.getShape().getShape();
        NDArray r = x.expandDims(2).repeat(2, group).reshape(s[0], s[1] * group, s[2], s[3]);
        r.attach(owner);
        return r;
    }

    /**
     * Causal softmax attention for the new queries. With fused kernels it is one
     * libtorch flash-attention call whenever no cache offsets the mask (a full sequence, or a single
     * new query, which sees every key); otherwise the scores are materialized, optionally in query
     * chunks each in its own sub-manager (inference only: chunking needs no gradient).
     *
     * @param q {@code (B, H, Tq, hd)} after RoPE and the 1/sqrt(hd) scale
     * @param k {@code (B, Hkv, Tk, hd)} after RoPE, including any cached keys
     * @param v {@code (B, Hkv, Tk, hd)}
     * @return {@code (B, H, Tq, hd)}, owned by q's manager
     */
    static NDArray attention(ForwardContext ctx, NDArray q, NDArray k, NDArray v) {
        NDManager owner = q.getManager();
        int group = ctx.config.groupSize();
        NDArray keys = repeatKv(k, group, owner);
        NDArray values = repeatKv(v, group, owner);
        int tq = Math.toIntExact(q.getShape().get(2));
        int tk = Math.toIntExact(keys.getShape().get(2));
        if (ctx.fused != null) {
            if (ctx.pastLength == 0 && tq == tk) {
                return ctx.fused.causalAttention(q, keys, values);
            }
            if (tq == 1) {
                return ctx.fused.attention(q, keys, values);
            }
        }
        NDArray keysT = keys.transpose(0, 1, 3, 2);
        keysT.attach(owner);
        if (tq <= ctx.queryChunk) {
            return attendChunk(ctx, q, keysT, values, 0, tq, tk, owner);
        }
        NDList outputs = new NDList();
        for (int start = 0; start < tq; start += ctx.queryChunk) {
            int end = Math.min(tq, start + ctx.queryChunk);
            try (NDManager chunk = owner.newSubManager()) {
                NDArray qc = q.get(new NDIndex(":, :, {}:{}", start, end));
                qc.attach(chunk);
                // causal: this chunk never looks past its last query
                int visible = ctx.pastLength + end;
                NDArray kc = keysT.get(new NDIndex(":, :, :, 0:{}", visible));
                kc.attach(chunk);
                NDArray vc = values.get(new NDIndex(":, :, 0:{}", visible));
                vc.attach(chunk);
                NDArray out = attendChunk(ctx, qc, kc, vc, start, end, visible, chunk);
                out.attach(owner);
                outputs.add(out);
            }
        }
        return NDArrays.concat(outputs, 2);
    }

    private static NDArray attendChunk(
            ForwardContext ctx, NDArray q, NDArray keysT, NDArray values, int qStart, int qEnd, int tk, NDManager owner) {
        NDArray scores = q.matMul(keysT);
        NDArray mask = ctx.causalMask(owner, qStart, qEnd, tk);
        if (mask != null) {
            scores = scores.add(mask);
        }
        return scores.softmax(-1).matMul(values);
    }
}
