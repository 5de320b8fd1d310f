package org.creamlab.rope;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Builds RoPE cos/sin tables for explicit position ids, on the host in double precision (so no
 * Java number ever enters the autograd graph), in the Hugging Face "rotate half" layout.
 *
 * <p>Shapes: positions {@code (B, T)}; cos and sin {@code (B, T, headDim)}, where column {@code c}
 * uses frequency {@code c mod headDim/2}.
 */
public final class RopeTables {

    private RopeTables() {}

    /** A cos/sin pair, both {@code (B, T, headDim)} float32, owned by the caller's manager. */
    public record CosSin(NDArray cos, NDArray sin) {}

    /**
     * @param manager the manager that will own the two arrays
     * @param positions position ids, {@code positions[b][t]}, every row the same length T
     */
    public static CosSin build(NDManager manager, long[][] positions, int headDim, double base, RopeScaling scaling) {
        int batch = positions.length;
        if (batch == 0) {
            throw new IllegalArgumentException("positions must hold at least one row");
        }
        int length = positions[0].length;
        long maxPosition = 0;
        double[][] p = new double[batch][];
        for (int b = 0; b < batch; b++) {
            long[] row = positions[b];
            if (row.length != length) {
                throw new IllegalArgumentException("every position row must have length " + length + ", got " + row.length);
            }
            p[b] = new double[length];
            for (int t = 0; t < length; t++) {
                maxPosition = Math.max(maxPosition, row[t]);
                p[b][t] = row[t];
            }
        }
        return build(manager, p, headDim, base, scaling, (int) Math.min(Integer.MAX_VALUE, maxPosition + 1));
    }

    /**
     * Tables for positions that need not be integers (inference-time remappings rotate queries and keys
     * to fractional positions), {@code (B, T, headDim)}.
     *
     * @param sequenceLength the length the scaling chooses its frequencies for (dynamic schemes)
     */
    public static CosSin build(NDManager manager, double[][] positions, int headDim, double base, RopeScaling scaling,
                               int sequenceLength) {
        int batch = positions.length;
        int length = positions[0].length;
        double[] inv = scaling.inverseFrequencies(headDim, base, sequenceLength);
        double factor = scaling.attentionFactor();
        int half = headDim / 2;
        float[] cos = new float[batch * length * headDim];
        float[] sin = new float[cos.length];
        int at = 0;
        for (double[] row : positions) {
            for (double p : row) {
                double m = scaling.scalePosition(p);
                for (int j = 0; j < half; j++) {
                    double angle = m * inv[j];
                    float c = (float) (Math.cos(angle) * factor);
                    float s = (float) (Math.sin(angle) * factor);
                    cos[at + j] = c;
                    cos[at + j + half] = c;
                    sin[at + j] = s;
                    sin[at + j + half] = s;
                }
                at += headDim;
            }
        }
        Shape shape = new Shape(batch, length, headDim);
        return new CosSin(manager.create(cos, shape), manager.create(sin, shape));
    }
}
