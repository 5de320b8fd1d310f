package org.creamlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.Map;
import org.creamlab.rope.LinearScaling;
import org.creamlab.rope.NoScaling;
import org.creamlab.rope.RopeScaling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LlamaModelTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void logitsHaveShapeBTV() {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, TinyModels.gqa(), 1)) {
            NDArray logits = new LlamaModel(w).logits(m, TinyModels.tokens(1, 3, 10, 64), TinyModels.positions(3, 10, 0), new NoScaling());
            assertEquals(new ai.djl.ndarray.types.Shape(3, 10, 64), logits.getShape());
        }
    }

    @Test
    void changingTokenTLeavesEarlierLogitsUnchanged() {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, TinyModels.gqa(), 2)) {
            LlamaModel model = new LlamaModel(w);
            int[][] a = TinyModels.tokens(3, 2, 12, 64);
            int[][] b = TinyModels.tokens(3, 2, 12, 64);
            int t = 7;
            b[0][t] = (a[0][t] + 1) % 64;
            b[1][t] = (a[1][t] + 5) % 64;
            long[][] pos = TinyModels.positions(2, 12, 0);
            NDArray la = model.logits(m, a, pos, new NoScaling());
            NDArray lb = model.logits(m, b, pos, new NoScaling());
            NDIndex before = new NDIndex(":, 0:{}, :", t);
            assertArrayEquals(la.get(before).toFloatArray(), lb.get(before).toFloatArray(), 0f);
            NDIndex at = new NDIndex(":, {}:, :", t);
            assertFalse(java.util.Arrays.equals(la.get(at).toFloatArray(), lb.get(at).toFloatArray()));
        }
    }

    @Test
    void ropeDotProductDependsOnlyOnRelativePosition() {
        for (RopeScaling scaling : new RopeScaling[] {new NoScaling(), new LinearScaling(4)}) {
            try (NDManager m = manager.newSubManager()) {
                int hd = 16;
                float[] qv = new float[hd];
                float[] kv = new float[hd];
                java.util.SplittableRandom r = new java.util.SplittableRandom(5);
                for (int i = 0; i < hd; i++) {
                    qv[i] = (float) r.nextGaussian();
                    kv[i] = (float) r.nextGaussian();
                }
                double near = dot(m, qv, kv, 7, 3, hd, scaling);
                double far = dot(m, qv, kv, 1007, 1003, hd, scaling);
                double other = dot(m, qv, kv, 7, 0, hd, scaling);
                assertEquals(near, far, 1e-3, scaling.name());
                assertTrue(Math.abs(near - other) > 1e-3, "different offsets should differ for " + scaling.name());
            }
        }
    }

    private static double dot(NDManager m, float[] q, float[] k, long pq, long pk, int hd, RopeScaling scaling) {
        var cq = org.creamlab.rope.RopeTables.build(m, new long[][] {{pq}}, hd, 10000, scaling);
        var ck = org.creamlab.rope.RopeTables.build(m, new long[][] {{pk}}, hd, 10000, scaling);
        NDArray qa = m.create(q, new ai.djl.ndarray.types.Shape(1, 1, 1, hd));
        NDArray ka = m.create(k, new ai.djl.ndarray.types.Shape(1, 1, 1, hd));
        NDArray rq = DecoderOps.rope(qa, cq.cos().expandDims(1), cq.sin().expandDims(1));
        NDArray rk = DecoderOps.rope(ka, ck.cos().expandDims(1), ck.sin().expandDims(1));
        return rq.mul(rk).sum().getFloat();
    }

    @Test
    void matchesANaiveHuggingFaceStyleReference() {
        LlamaConfig config = LlamaConfig.builder().vocabSize(64).hiddenSize(32).layers(2).heads(4).kvHeads(2)
                .intermediateSize(48).rmsNormEps(1e-6).tiedEmbeddings(false).build();
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, config, 42)) {
            for (String name : w.arrays().keySet()) {
                if (WeightNames.isNorm(name)) {
                    float[] v = w.get(name).toFloatArray();
                    for (int i = 0; i < v.length; i++) {
                        v[i] = 0.5f + (i % 7) * 0.1f;
                    }
                    w.get(name).set(v);
                }
            }
            int[][] x = {{3, 17, 5, 9, 60, 1, 2, 33, 8, 40}};
            long[][] pos = {{0, 1, 2, 3, 50, 51, 52, 53, 54, 55}}; // a PoSE-like skip
            RopeScaling scaling = new LinearScaling(2);
            float[] got = new LlamaModel(w).logits(m, x, pos, scaling).toFloatArray();
            double[][] want = new ReferenceLlama(config, w.toHost()).logits(x[0], pos[0], scaling);
            for (int t = 0; t < want.length; t++) {
                for (int v = 0; v < want[t].length; v++) {
                    assertEquals(want[t][v], got[t * 64 + v], 1e-5, "t=" + t + " v=" + v);
                }
            }
        }
    }

    @Test
    void fusedKernelsAreOnByDefaultAndMatchPlainOpsInLogitsAndGradients() {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, TinyModels.gqa(), 21)) {
            LlamaModel fused = new LlamaModel(w);
            LlamaModel plain = new LlamaModel(w, false);
            assertTrue(fused.usesFusedKernels());
            assertFalse(plain.usesFusedKernels());
            int[][] x = TinyModels.tokens(22, 3, 11, 64);
            long[][] pos = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {0, 1, 2, 30, 31, 32, 33, 34, 35, 36, 37}, TinyModels.positions(1, 11, 5)[0]};
            Map<String, float[]> gradFused = new java.util.TreeMap<>();
            Map<String, float[]> gradPlain = new java.util.TreeMap<>();
            float[] a = logitsAndGradients(m, fused, w, x, pos, gradFused);
            float[] b = logitsAndGradients(m, plain, w, x, pos, gradPlain);
            assertArrayEquals(b, a, 1e-5f);
            assertEquals(w.arrays().keySet(), gradFused.keySet());
            for (String name : gradPlain.keySet()) {
                float[] gp = gradPlain.get(name);
                float[] gf = gradFused.get(name);
                double scale = 0;
                for (float v : gp) {
                    scale = Math.max(scale, Math.abs(v));
                }
                assertTrue(scale > 0, name + " got no gradient");
                assertArrayEquals(gp, gf, (float) (1e-4 * scale), name);
            }
        }
    }

    /** Logits of the batch, and every weight's gradient of sum(logits * fixed random weights). */
    private static float[] logitsAndGradients(NDManager m, LlamaModel model, LlamaWeights w, int[][] x, long[][] pos,
            Map<String, float[]> gradients) {
        w.setRequiresGradient(true);
        try (NDManager pass = m.newSubManager();
                ai.djl.training.GradientCollector gc = pass.getEngine().newGradientCollector()) {
            NDArray logits = model.logits(pass, x, pos, new NoScaling());
            float[] mix = new float[Math.toIntExact(logits.size())];
            java.util.SplittableRandom r = new java.util.SplittableRandom(3);
            for (int i = 0; i < mix.length; i++) {
                mix[i] = (float) r.nextGaussian();
            }
            gc.backward(logits.mul(pass.create(mix, logits.getShape())).sum());
            for (Map.Entry<String, NDArray> e : w.arrays().entrySet()) {
                gradients.put(e.getKey(), e.getValue().getGradient().toFloatArray());
                ai.djl.pytorch.jni.JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) e.getValue());
            }
            return logits.toFloatArray();
        } finally {
            w.setRequiresGradient(false);
        }
    }

    @Test
    void rotationMatrixEqualsRotateHalf() {
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.randomNormal(new ai.djl.ndarray.types.Shape(2, 3, 5, 8));
            var ctx = new ForwardContext(m, TinyModels.gqa(), ai.djl.ndarray.types.DataType.FLOAT32,
                    TinyModels.positions(2, 5, 0), new NoScaling(), 4, 0, null);
            assertArrayEquals(DecoderOps.rotateHalf(x).toFloatArray(), x.matMul(ctx.rotation).toFloatArray(), 0f);
        }
    }

    @Test
    void shiftingAllPositionsLeavesLogitsNearlyUnchanged() {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, TinyModels.gqa(), 4)) {
            LlamaModel model = new LlamaModel(w);
            int[][] x = TinyModels.tokens(6, 2, 9, 64);
            float[] a = model.logits(m, x, TinyModels.positions(2, 9, 0), new LinearScaling(2)).toFloatArray();
            float[] b = model.logits(m, x, TinyModels.positions(2, 9, 300), new LinearScaling(2)).toFloatArray();
            assertArrayEquals(a, b, 1e-4f);
        }
    }

    @Test
    void lowMemoryForwardWithQueryChunksMatchesPlainForward() {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, TinyModels.untied(), 7)) {
            LlamaModel model = new LlamaModel(w, false); // fused attention never chunks: test the chunked path
            int[][] x = TinyModels.tokens(8, 2, 13, 64);
            long[][] pos = TinyModels.positions(2, 13, 0);
            float[] plain = model.logits(m, x, pos, new NoScaling()).toFloatArray();
            float[] chunked = model.logitsLowMemory(m, x, pos, new NoScaling(), 4, false).toFloatArray();
            assertArrayEquals(plain, chunked, 1e-5f);
        }
    }

    @Test
    void lowMemoryForwardLeavesNoPerLayerArraysBehind() {
        int[] left = new int[2];
        int[] layers = {2, 6};
        for (int i = 0; i < 2; i++) {
            LlamaConfig config = LlamaConfig.builder().vocabSize(64).hiddenSize(32).layers(layers[i]).heads(4)
                    .intermediateSize(64).build();
            try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, config, 1);
                    NDManager run = m.newSubManager()) {
                new LlamaModel(w).logitsLowMemory(run, TinyModels.tokens(1, 1, 40, 64), TinyModels.positions(1, 40, 0),
                        new NoScaling(), 8, false);
                left[i] = run.getManagedArrays().size();
            }
        }
        assertEquals(left[0], left[1], "arrays left after the pass must not grow with the number of layers");
    }

    @Test
    void cachedGreedyDecodeEqualsUncached() {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, TinyModels.gqa(), 9)) {
            GreedyDecoder decoder = new GreedyDecoder(new LlamaModel(w), new LinearScaling(2));
            int[][] prompt = TinyModels.tokens(10, 2, 6, 64);
            long[][] pos = {{0, 1, 2, 40, 41, 42}, {0, 5, 6, 7, 8, 9}};
            int[][] cached = decoder.decode(m, prompt, pos, 8, -1);
            int[][] uncached = decoder.decodeUncached(m, prompt, pos, 8, -1);
            assertEquals(8, cached[0].length);
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(uncached[i], cached[i], "row " + i);
            }
        }
    }

    @Test
    void cachedStepLogitsMatchFullForward() {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, TinyModels.gqa(), 11)) {
            LlamaModel model = new LlamaModel(w);
            int[][] x = TinyModels.tokens(12, 1, 10, 64);
            long[][] pos = TinyModels.positions(1, 10, 0);
            float[] full = model.logits(m, x, pos, new NoScaling()).toFloatArray();
            try (KvCache cache = model.newCache(m)) {
                int[][] first = {java.util.Arrays.copyOf(x[0], 6)};
                float[] a = model.step(m, cache, first, new long[][] {java.util.Arrays.copyOf(pos[0], 6)}, new NoScaling(), false).toFloatArray();
                int[][] rest = {java.util.Arrays.copyOfRange(x[0], 6, 10)};
                float[] b = model.step(m, cache, rest, new long[][] {java.util.Arrays.copyOfRange(pos[0], 6, 10)}, new NoScaling(), false).toFloatArray();
                assertEquals(10, cache.length());
                float[] joined = new float[full.length];
                System.arraycopy(a, 0, joined, 0, a.length);
                System.arraycopy(b, 0, joined, a.length, b.length);
                assertArrayEquals(full, joined, 1e-5f);
            }
        }
    }

    @Test
    void batchScorerMatchesOneByOneScoring() {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, TinyModels.gqa(), 13)) {
            BatchScorer scorer = new BatchScorer(new LlamaModel(w), new NoScaling(), 3);
            int[][] seqs = {TinyModels.tokens(1, 1, 5, 64)[0], TinyModels.tokens(2, 1, 9, 64)[0],
                TinyModels.tokens(3, 1, 3, 64)[0], TinyModels.tokens(4, 1, 7, 64)[0]};
            BatchScorer.Scores all = scorer.score(m, seqs, null);
            for (int i = 0; i < seqs.length; i++) {
                BatchScorer.Scores one = scorer.score(m, new int[][] {seqs[i]}, null);
                assertEquals(seqs[i].length - 1, all.nextTokenLogProbs()[i].length);
                assertArrayEquals(one.nextTokenLogProbs()[0], all.nextTokenLogProbs()[i], 1e-5f);
                assertArrayEquals(one.argmax()[0], all.argmax()[i]);
            }
        }
    }

    @Test
    void sameSeedGivesSameWeightsAndOtherSeedDiffers() {
        try (NDManager m = manager.newSubManager();
                LlamaWeights a = LlamaWeights.initialize(m, TinyModels.gqa(), 21);
                LlamaWeights b = LlamaWeights.initialize(m, TinyModels.gqa(), 21);
                LlamaWeights c = LlamaWeights.initialize(m, TinyModels.gqa(), 22)) {
            Map<String, float[]> ha = a.toHost();
            Map<String, float[]> hb = b.toHost();
            Map<String, float[]> hc = c.toHost();
            for (String name : ha.keySet()) {
                assertArrayEquals(ha.get(name), hb.get(name), 0f, name);
            }
            assertFalse(java.util.Arrays.equals(ha.get(WeightNames.q(0)), hc.get(WeightNames.q(0))));
        }
    }

    @Test
    void tokenOutsideVocabularyIsRejected() {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, TinyModels.gqa(), 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new LlamaModel(w).logits(m, new int[][] {{1, 64}}, TinyModels.positions(1, 2, 0), new NoScaling()));
            assertTrue(e.getMessage().contains("64"));
        }
    }
}
