package org.creamlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.creamlab.positions.remap.MsPoe;
import org.creamlab.positions.remap.PositionRemap;
import org.creamlab.positions.remap.ReRope;
import org.creamlab.positions.remap.SelfExtend;
import org.creamlab.positions.remap.StringRemap;
import org.creamlab.rope.NoScaling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoder's attention under each training-free remapping against a naive double-precision
 * reference that takes the method's mapped relative distance for every (query, key, head) and computes
 * the RoPE score from it; and remappings that map nothing give the plain model's logits exactly.
 */
class RemappedAttentionTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** Grouped-query (4 query heads, 2 key-value heads), head dimension 8. */
    private static final LlamaConfig CONFIG = TinyModels.gqa();

    private static List<PositionRemap> methods(int t) {
        return List.of(new SelfExtend(24, 4), new SelfExtend(t / 3, 5), ReRope.clamped(20), new ReRope(20, 6),
                new StringRemap(t / 2, 8), new MsPoe(1.2, 1.8, new int[] {3, 1, 0, 2}));
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 300})
    void attentionLogitsMatchTheDoublePrecisionReference(int t) {
        int heads = CONFIG.heads();
        int kvHeads = CONFIG.kvHeads();
        int hd = CONFIG.headDim();
        SplittableRandom rng = new SplittableRandom(t);
        float[] q = new float[heads * t * hd];
        float[] k = new float[kvHeads * t * hd];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) rng.nextGaussian();
        }
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) rng.nextGaussian();
        }
        long[][] positions = TinyModels.positions(1, t, 0);
        double[] theta = org.creamlab.rope.RopeScaling.baseInverseFrequencies(hd, CONFIG.ropeBase());
        for (PositionRemap remap : methods(t)) {
            try (NDManager m = manager.newSubManager()) {
                ForwardContext ctx = new ForwardContext(m, CONFIG, DataType.FLOAT32, positions, new NoScaling(), Integer.MAX_VALUE, 0, null);
                RemappedAttention attention = RemappedAttention.build(m, CONFIG, DataType.FLOAT32, positions, new NoScaling(), remap);
                NDArray scores = attention.scores(ctx, m.create(q, new Shape(1, heads, t, hd)), m.create(k, new Shape(1, kvHeads, t, hd)));
                float[] got = scores.toFloatArray();
                double worst = 0;
                for (int h = 0; h < heads; h++) {
                    int kh = h / (heads / kvHeads);
                    for (int i = 0; i < t; i++) {
                        for (int j = 0; j <= i; j++) {
                            double r = remap.relative(h, heads, i, j);
                            double expected = 0;
                            for (int c = 0; c < hd / 2; c++) {
                                double q1 = q[(h * t + i) * hd + c];
                                double q2 = q[(h * t + i) * hd + c + hd / 2];
                                double k1 = k[(kh * t + j) * hd + c];
                                double k2 = k[(kh * t + j) * hd + c + hd / 2];
                                expected += (q1 * k1 + q2 * k2) * Math.cos(r * theta[c]) + (q1 * k2 - q2 * k1) * Math.sin(r * theta[c]);
                            }
                            expected /= Math.sqrt(hd);
                            worst = Math.max(worst, Math.abs(got[(h * t + i) * t + j] - expected));
                        }
                        for (int j = i + 1; j < t; j++) {
                            assertTrue(got[(h * t + i) * t + j] == Float.NEGATIVE_INFINITY, "causal mask at (" + i + ", " + j + ")");
                        }
                    }
                }
                assertTrue(worst < 1e-5, remap + ": largest difference " + worst + " at T = " + t);
            }
        }
    }

    @Test
    void remappingsThatMapNothingGiveThePlainModelsLogitsExactly() {
        int t = 40;
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, CONFIG, 3)) {
            LlamaModel plain = new LlamaModel(w, false);
            int[][] tokens = TinyModels.tokens(4, 2, t, 64);
            long[][] positions = TinyModels.positions(2, t, 0);
            float[] expected = plain.logits(m, tokens, positions, new NoScaling()).toFloatArray();
            for (PositionRemap identity : List.of(new SelfExtend(t, 4), new SelfExtend(8, 1), ReRope.clamped(t), new ReRope(t, 3),
                    new StringRemap(t, 5), new MsPoe(1, 1, new int[] {0, 1, 2, 3}))) {
                float[] got = plain.logitsRemapped(m, tokens, positions, new NoScaling(), identity).toFloatArray();
                assertArrayEquals(expected, got, 0f, identity + " maps nothing");
            }
            float[] remapped = plain.logitsRemapped(m, tokens, positions, new NoScaling(), new SelfExtend(8, 4)).toFloatArray();
            assertTrue(!java.util.Arrays.equals(expected, remapped), "a window that cuts the sequence changes the logits");
        }
    }

    @Test
    void msPoeRanksHeadsByTheLastQuerysAttentionOutliersAndWithRatioOneIsPlain() {
        int t = 50;
        int heads = CONFIG.heads();
        int kvHeads = CONFIG.kvHeads();
        int hd = CONFIG.headDim();
        SplittableRandom rng = new SplittableRandom(9);
        float[] q = new float[heads * t * hd];
        float[] k = new float[kvHeads * t * hd];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) (3 * rng.nextGaussian());
        }
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) (3 * rng.nextGaussian());
        }
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, CONFIG, 5)) {
            double[] got = RemappedAttention.awareness(CONFIG, m.create(q, new Shape(1, heads, t, hd)), m.create(k, new Shape(1, kvHeads, t, hd)));
            for (int h = 0; h < heads; h++) {
                int kh = h / (heads / kvHeads);
                double[] logits = new double[t];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < t; j++) {
                    for (int c = 0; c < hd; c++) {
                        logits[j] += (double) q[(h * t + t - 1) * hd + c] * k[(kh * t + j) * hd + c];
                    }
                    logits[j] /= Math.sqrt(hd);
                    max = Math.max(max, logits[j]);
                }
                double sum = 0;
                for (int j = 0; j < t; j++) {
                    logits[j] = Math.exp(logits[j] - max);
                    sum += logits[j];
                }
                int outliers = 0;
                for (int j = 0; j < t; j++) {
                    outliers += logits[j] / sum > 4.0 / t ? 1 : 0;
                }
                assertTrue(Math.abs(got[h] - (double) outliers / t) < 1e-12, "head " + h + ": " + got[h] + " vs " + outliers + "/" + t);
            }

            LlamaModel model = new LlamaModel(w, false);
            int[][] tokens = TinyModels.tokens(6, 1, t, 64);
            long[][] positions = TinyModels.positions(1, t, 0);
            float[] plain = model.logits(m, tokens, positions, new NoScaling()).toFloatArray();
            assertArrayEquals(plain, model.logitsMsPoe(m, tokens, positions, new NoScaling(), 1, 1).toFloatArray(), 0f,
                    "ratios of 1 are plain attention");
            float[] scaled = model.logitsMsPoe(m, tokens, positions, new NoScaling(), 1.2, 1.8).toFloatArray();
            assertTrue(!java.util.Arrays.equals(plain, scaled), "ratios above 1 change the logits");
        }
    }
}
