package org.creamlab.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.creamlab.model.LlamaConfig;
import org.creamlab.model.LlamaModel;
import org.creamlab.model.LlamaWeights;
import org.creamlab.rope.LinearScaling;
import org.junit.jupiter.api.Test;

class LlamaScoringModelTest {

    private static final LlamaConfig CONFIG = LlamaConfig.builder().vocabSize(24).hiddenSize(16).layers(2).heads(2)
            .intermediateSize(32).window(16).build();

    @Test
    void teacherForcedScoresAreTheModelsOwnLogProbabilitiesAtTheTargetPositions() {
        try (NDManager nd = NDManager.newBaseManager(); LlamaWeights w = LlamaWeights.initialize(nd, CONFIG, 3)) {
            LlamaModel model = new LlamaModel(w);
            LinearScaling scaling = new LinearScaling(2);
            int[] prompt = {1, 5, 7, 9, 11};
            int[] target = {4, 6};
            LlamaScoringModel scorer = new LlamaScoringModel(nd, model, scaling, 2);
            // scored alone, and in a batch with a longer and a shorter pair: batch composition must not matter
            TargetScores alone = scorer.scoreTargets(List.of(prompt), List.of(target)).get(0);
            List<TargetScores> batch = scorer.scoreTargets(List.of(new int[] {1, 2, 3, 4, 5, 6, 7, 8}, prompt, new int[] {1}),
                    List.of(new int[] {9}, target, new int[] {2, 3, 4}));
            assertArrayEquals(alone.argmax(), batch.get(1).argmax());
            assertArrayEquals(alone.logProbs(), batch.get(1).logProbs(), 1e-5f);

            int[][] sequence = {{1, 5, 7, 9, 11, 4, 6}};
            long[][] positions = {{0, 1, 2, 3, 4, 5, 6}};
            try (NDManager m = nd.newSubManager()) {
                NDArray logp = model.logits(m, sequence, positions, scaling).logSoftmax(-1);
                for (int j = 0; j < target.length; j++) {
                    NDArray row = logp.get(0, prompt.length - 1 + j);
                    assertEquals(row.getFloat(target[j]), alone.logProbs()[j], 1e-5f, "log p of target " + j);
                    assertEquals(row.argMax().getLong(), alone.argmax()[j], "argmax at target " + j);
                }
            }
        }
    }

    @Test
    void greedyDecodingStopsBeforeTheStopToken() {
        try (NDManager nd = NDManager.newBaseManager(); LlamaWeights w = LlamaWeights.initialize(nd, CONFIG, 5)) {
            LlamaScoringModel scorer = new LlamaScoringModel(nd, new LlamaModel(w), new LinearScaling(1), 4);
            int[] prompt = {1, 2, 3};
            int[] free = scorer.greedyDecode(prompt, 6, -1);
            assertEquals(6, free.length);
            int stop = free[2];
            int[] stopped = scorer.greedyDecode(prompt, 6, stop);
            int first = 0;
            while (free[first] != stop) {
                first++;
            }
            assertArrayEquals(java.util.Arrays.copyOf(free, first), stopped, "everything before the first stop token");
            for (int t : stopped) {
                assertFalse(t == stop);
            }
        }
    }
}
