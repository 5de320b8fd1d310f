package org.creamlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.creamlab.positions.remap.PositionRemap;
import org.creamlab.positions.remap.RemapRegion;
import org.creamlab.rope.RopeScaling;
import org.creamlab.rope.RopeTables;

/**
 * Causal attention under an inference-time position remapping ({@link PositionRemap}): for each of
 * the remapping's regions, queries and keys are rotated to the region's positions and scored; each
 * (query, key) pair takes its score from the region that holds its relative distance (position id of
 * the query minus that of the key). Full sequences only (no KV cache): the scores are materialized,
 * {@code R} matrices of {@code (B, H, T, T)} for {@code R} regions.
 *
 * <p>Shapes: per region, {@code cosQ}, {@code sinQ} (with the {@code 1/sqrt(hd)} scale) and
 * {@code cosK}, {@code sinK} are {@code (B, 1, T, hd)} when every head has the same positions, else
 * {@code (B, H, T, hd)} (Ms-PoE); {@code mask} is {@code (B, 1, T, T)}, 1 where the region holds the pair.
 */
final class RemappedAttention {

    private record Region(NDArray cosQ, NDArray sinQ, NDArray cosK, NDArray sinK, NDArray mask) {}

    private final List<Region> regions;

    private RemappedAttention(List<Region> regions) {
        this.regions = regions;
    }

    /**
     * The tables of {@code remap} for these positions, owned by {@code manager}.
     *
     * @throws IllegalArgumentException when heads disagree on the number or the ranges of regions
     */
    static RemappedAttention build(NDManager manager, LlamaConfig config, DataType dtype, long[][] positions,
                                   RopeScaling scaling, PositionRemap remap) {
        int heads = config.heads();
        int batch = positions.length;
        int t = positions[0].length;
        List<List<RemapRegion>> byHead = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            byHead.add(remap.regions(h, heads));
        }
        List<RemapRegion> first = byHead.get(0);
        for (List<RemapRegion> other : byHead) {
            if (other.size() != first.size()) {
                throw new IllegalArgumentException(remap.name() + ": heads disagree on the number of regions");
            }
            for (int r = 0; r < first.size(); r++) {
                if (other.get(r).from() != first.get(r).from() || other.get(r).to() != first.get(r).to()) {
                    throw new IllegalArgumentException(remap.name() + ": heads disagree on the ranges of region " + r);
                }
            }
        }
        NDArray scale = manager.create((float) (1.0 / Math.sqrt(config.headDim())));
        long maxPosition = Arrays.stream(positions).flatMapToLong(Arrays::stream).max().orElse(0);
        int sequenceLength = (int) Math.min(Integer.MAX_VALUE, maxPosition + 1);
        List<Region> regions = new ArrayList<>();
        for (int r = 0; r < first.size(); r++) {
            NDArray[] q = tables(manager, config, positions, scaling, byHead, r, true, sequenceLength);
            NDArray[] k = tables(manager, config, positions, scaling, byHead, r, false, sequenceLength);
            float[] mask = new float[batch * t * t];
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j <= i; j++) {
                        long distance = positions[b][i] - positions[b][j];
                        if (distance <= Integer.MAX_VALUE && first.get(r).contains((int) distance)) {
                            mask[(b * t + i) * t + j] = 1f;
                        }
                    }
                }
            }
            regions.add(new Region(convert(q[0].mul(scale), dtype), convert(q[1].mul(scale), dtype), convert(k[0], dtype),
                    convert(k[1], dtype), convert(manager.create(mask, new Shape(batch, 1, t, t)), dtype)));
        }
        return new RemappedAttention(regions);
    }

    /** cos and sin of region {@code r}'s query (or key) positions: {@code (B, 1 or H, T, hd)}. */
    private static NDArray[] tables(NDManager manager, LlamaConfig config, long[][] positions, RopeScaling scaling,
                                    List<List<RemapRegion>> byHead, int r, boolean query, int sequenceLength) {
        int heads = byHead.size();
        double[][][] mapped = new double[heads][positions.length][positions[0].length];
        boolean sameForAll = true;
        for (int h = 0; h < heads; h++) {
            RemapRegion region = byHead.get(h).get(r);
            for (int b = 0; b < positions.length; b++) {
                for (int i = 0; i < positions[b].length; i++) {
                    mapped[h][b][i] = query ? region.queryPosition().applyAsDouble(positions[b][i])
                            : region.keyPosition().applyAsDouble(positions[b][i]);
                }
                sameForAll &= Arrays.equals(mapped[h][b], mapped[0][b]);
            }
        }
        int hd = config.headDim();
        if (sameForAll) {
            RopeTables.CosSin cs = RopeTables.build(manager, mapped[0], hd, config.ropeBase(), scaling, sequenceLength);
            return new NDArray[] {cs.cos().expandDims(1), cs.sin().expandDims(1)};
        }
        NDList cos = new NDList();
        NDList sin = new NDList();
        for (int h = 0; h < heads; h++) {
            RopeTables.CosSin cs = RopeTables.build(manager, mapped[h], hd, config.ropeBase(), scaling, sequenceLength);
            cos.add(cs.cos().expandDims(1));
            sin.add(cs.sin().expandDims(1));
        }
        return new NDArray[] {NDArrays.concat(cos, 1), NDArrays.concat(sin, 1)};
    }

    private static NDArray convert(NDArray a, DataType dtype) {
        return dtype == DataType.FLOAT32 ? a : a.toType(dtype, false);
    }

    /**
     * The attention scores of the new queries before the softmax, causal positions masked to -inf.
     *
     * @param q {@code (B, H, T, hd)} before RoPE
     * @param k {@code (B, Hkv, T, hd)} before RoPE
     * @return {@code (B, H, T, T)}
     */
    NDArray scores(ForwardContext ctx, NDArray q, NDArray k) {
        NDManager owner = q.getManager();
        NDArray keys = DecoderOps.repeatKv(k, ctx.config.groupSize(), owner);
        NDArray total = null;
        for (Region r : regions) {
            NDArray qr = DecoderOps.rope(q, r.cosQ(), r.sinQ(), ctx.rotation);
            NDArray kr = DecoderOps.rope(keys, r.cosK(), r.sinK(), ctx.rotation);
            NDArray s = qr.matMul(kr.transpose(0, 1, 3, 2)).mul(r.mask());
            total = total == null ? s : total.add(s);
        }
        int t = Math.toIntExact(q.getShape().get(2));
        NDArray mask = ctx.causalMask(owner, 0, t, t);
        return mask == null ? total : total.add(mask);
    }

    /**
     * Each head's position-awareness on this input for Ms-PoE ({@link
     * org.creamlab.positions.remap.MsPoe#awareness}): the last query's attention weights over every key,
     * from q and k before RoPE, averaged over the batch rows.
     *
     * @param q {@code (B, H, T, hd)} before RoPE
     * @param k {@code (B, Hkv, T, hd)} before RoPE
     * @return one score per query head
     */
    static double[] awareness(LlamaConfig config, NDArray q, NDArray k) {
        try (NDManager scratch = q.getManager().newSubManager()) {
            int t = Math.toIntExact(q.getShape().get(2));
            int batch = Math.toIntExact(q.getShape().get(0));
            int heads = config.heads();
            NDArray last = q.get(new ai.djl.ndarray.index.NDIndex(":, :, {}:{}", t - 1, t));
            last.attach(scratch);
            NDArray keys = DecoderOps.repeatKv(k, config.groupSize(), scratch);
            NDArray weights = last.matMul(keys.transpose(0, 1, 3, 2)).div(Math.sqrt(config.headDim())).softmax(-1);
            float[] w = weights.toType(DataType.FLOAT32, false).toFloatArray();   // (B, H, 1, T)
            double[] score = new double[heads];
            for (int b = 0; b < batch; b++) {
                for (int h = 0; h < heads; h++) {
                    double[] row = new double[t];
                    for (int j = 0; j < t; j++) {
                        row[j] = w[(b * heads + h) * t + j];
                    }
                    score[h] += org.creamlab.positions.remap.MsPoe.awareness(row) / batch;
                }
            }
            return score;
        }
    }

    /**
     * Causal attention under the remapping.
     *
     * @param q {@code (B, H, T, hd)} before RoPE
     * @param k {@code (B, Hkv, T, hd)} before RoPE
     * @param v {@code (B, Hkv, T, hd)}
     * @return {@code (B, H, T, hd)}
     */
    NDArray attend(ForwardContext ctx, NDArray q, NDArray k, NDArray v) {
        NDArray values = DecoderOps.repeatKv(v, ctx.config.groupSize(), q.getManager());
        return scores(ctx, q, k).softmax(-1).matMul(values);
    }
}
