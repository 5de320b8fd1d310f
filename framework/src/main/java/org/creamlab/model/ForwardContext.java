package org.creamlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.creamlab.model.kernels.FusedKernels;
import org.creamlab.rope.RopeScaling;
import org.creamlab.rope.RopeTables;

/**
 * What one forward pass shares across layers, all owned by the pass's manager so that the scalars
 * stay alive until backward (never a Java number on the autograd path).
 *
 * <p>Shapes: {@code cos}, {@code sin} {@code (B, 1, T, headDim)} (broadcast over heads);
 * {@code cosQ}, {@code sinQ} the same multiplied by the attention scale {@code 1/sqrt(headDim)},
 * which is thereby folded into the queries' rotation; {@code rotation} {@code (headDim, headDim)},
 * the matrix with {@code x @ rotation == rotate_half(x)}; {@code eps} a 0-d array.
 *
 * <p>{@code fused} is null when the pass runs on plain DJL ops only: when no kernels were given or
 * the activations are not float32 (the fused kernels are used for float32 only).
 */
final class ForwardContext {

    final NDManager manager;
    final LlamaConfig config;
    final DataType dtype;
    final NDArray cos;
    final NDArray sin;
    final NDArray cosQ;
    final NDArray sinQ;
    final NDArray rotation;
    final NDArray eps;
    /** libtorch's fused kernels, or null for plain DJL ops (also for any dtype but float32). */
    final FusedKernels fused;
    /** Queries per attention chunk; {@code Integer.MAX_VALUE} means one chunk. */
    final int queryChunk;
    /** Sequence index (in the cache) of the first new token. */
    final int pastLength;

    ForwardContext(
            NDManager manager,
            LlamaConfig config,
            DataType dtype,
            long[][] positions,
            RopeScaling scaling,
            int queryChunk,
            int pastLength,
            FusedKernels fused) {
        this.manager = manager;
        this.fused = dtype == DataType.FLOAT32 ? fused : null;
        this.config = config;
        this.dtype = dtype;
        this.queryChunk = queryChunk;
        this.pastLength = pastLength;
        RopeTables.CosSin cs = RopeTables.build(manager, positions, config.headDim(), config.ropeBase(), scaling);
        // the (B, T, hd) tables stay open in the manager: the expanded views share their memory
        this.cos = convert(cs.cos().expandDims(1));
        this.sin = convert(cs.sin().expandDims(1));
        NDArray scale = manager.create((float) (1.0 / Math.sqrt(config.headDim())));
        this.cosQ = convert(cs.cos().mul(scale).expandDims(1));
        this.sinQ = convert(cs.sin().mul(scale).expandDims(1));
        this.rotation = convert(rotateHalfMatrix(manager, config.headDim()));
        this.eps = manager.create((float) config.rmsNormEps());
    }

    /**
     * The additive causal mask for queries {@code [qStart, qEnd)} of the new tokens against keys
     * {@code [0, keyLength)} (sequence indices including the cache): 0 where key index <= query
     * index, -inf elsewhere. Null when nothing needs masking.
     *
     * @return {@code (qEnd - qStart, keyLength)} or null
     */
    NDArray causalMask(NDManager owner, int qStart, int qEnd, int keyLength) {
        int rows = qEnd - qStart;
        int firstQuery = pastLength + qStart;
        if (firstQuery >= keyLength - 1) {
            return null; // a single query at the last key sees everything
        }
        float[] mask = new float[rows * keyLength];
        for (int i = 0; i < rows; i++) {
            int q = firstQuery + i;
            for (int j = q + 1; j < keyLength; j++) {
                mask[i * keyLength + j] = Float.NEGATIVE_INFINITY;
            }
        }
        NDArray m = owner.create(mask, new Shape(rows, keyLength));
        return dtype == DataType.FLOAT32 ? m : m.toType(dtype, false);
    }

    /** R with {@code (x @ R)[j] = -x[j + d/2]} for j < d/2 and {@code x[j - d/2]} otherwise. */
    private static NDArray rotateHalfMatrix(NDManager manager, int d) {
        float[] r = new float[d * d];
        int half = d / 2;
        for (int j = 0; j < half; j++) {
            r[(j + half) * d + j] = -1f; // output j takes -x[j + half]
            r[j * d + j + half] = 1f; // output j + half takes x[j]
        }
        return manager.create(r, new Shape(d, d));
    }

    private NDArray convert(NDArray a) {
        return dtype == DataType.FLOAT32 ? a : a.toType(dtype, false);
    }
}
