package org.creamlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.creamlab.model.LlamaModel;
import org.creamlab.model.LlamaWeights;
import org.creamlab.model.WeightNames;
import org.creamlab.rope.LinearScaling;
import org.junit.jupiter.api.Test;

/**
 * Pitfall 1 of the field notes: a tensor freed while the autograd graph still points at it gives
 * wrong gradients after a GC. Gradients computed with garbage collection and fresh allocations
 * between forward and backward must equal those computed without.
 */
class GradientSafetyTest {

    @Test
    void gradientsSurviveGarbageCollectionBetweenForwardAndBackward() {
        try (NDManager m = NDManager.newBaseManager(); LlamaWeights w = LlamaWeights.initialize(m, TrainerTest.tiny(), 8)) {
            w.setRequiresGradient(true);
            Batch batch = new CopyTaskSource(4, 12, 64, true).batch(0, 0, null);
            float[] quiet = gradient(m, w, batch, false);
            float[] stressed = gradient(m, w, batch, true);
            assertArrayEquals(quiet, stressed, 0f);
        }
    }

    private static float[] gradient(NDManager m, LlamaWeights w, Batch batch, boolean stress) {
        LlamaModel model = new LlamaModel(w);
        try (NDManager step = m.newSubManager()) {
            NDArray scale = step.create(1f / batch.maskedCount());
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray loss = LanguageModelLoss.maskedNll(model, step, batch, new LinearScaling(2), scale);
                if (stress) {
                    for (int i = 0; i < 5; i++) {
                        System.gc();
                        try (NDManager junk = m.newSubManager()) {
                            for (int j = 0; j < 200; j++) {
                                junk.ones(new ai.djl.ndarray.types.Shape(4, 1, 25, 8)).muli(junk.create(1e30f));
                                junk.ones(new ai.djl.ndarray.types.Shape(4, 25, 8)).muli(junk.create(-1e30f));
                            }
                        }
                    }
                }
                gc.backward(loss);
            }
            float[] out = w.get(WeightNames.q(0)).getGradient().toFloatArray();
            for (NDArray p : w.arrays().values()) {
                if (p instanceof ai.djl.pytorch.engine.PtNDArray pt) {
                    ai.djl.pytorch.jni.JniUtils.zeroGrad(pt);
                }
            }
            return out;
        }
    }
}
