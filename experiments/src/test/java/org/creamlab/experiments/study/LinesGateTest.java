package org.creamlab.experiments.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creamlab.data.TaskSample;
import org.creamlab.data.Tasks;
import org.creamlab.eval.EvalCell;
import org.creamlab.eval.EvalGrid;
import org.creamlab.eval.EvalSet;
import org.creamlab.metric.Metric;
import org.creamlab.model.LlamaModel;
import org.creamlab.model.LlamaWeights;
import org.junit.jupiter.api.Test;

class LinesGateTest {

    private static final StudyData DATA = StudyData.miniature();
    private static final int WINDOW = 128;

    @Test
    void theGateScoresThreeHundredLinesPromptsAtHalfTheWindowAndTheWindowNoneOfThemTheCards() {
        EvalSet gate = new LinesGate(DATA).sampleSet(WINDOW, 5);
        assertEquals(2, gate.samples().size());
        Set<Integer> lengths = new HashSet<>();
        Set<String> gatePrompts = new HashSet<>();
        for (var e : gate.samples().entrySet()) {
            EvalCell cell = e.getKey();
            assertEquals(Tasks.LINES, cell.task());
            assertEquals(LinesGate.SAMPLES_PER_LENGTH, e.getValue().size());
            lengths.add(cell.length());
            e.getValue().forEach(s -> gatePrompts.add(Arrays.toString(s.prompt())));
        }
        assertEquals(Set.of(WINDOW / 2, WINDOW), lengths);
        EvalSet card = EvalSet.build(DATA.tasks(), EvalGrid.of(List.of(Tasks.LINES), List.of(WINDOW / 2, WINDOW),
                List.of(0.5), List.of(50.0)), 30, 5 + 7919);
        for (List<TaskSample> samples : card.samples().values()) {
            for (TaskSample s : samples) {
                assertFalse(gatePrompts.contains(Arrays.toString(s.prompt())), "the gate re-reads a card prompt");
            }
        }
    }

    @Test
    void anUntrainedModelFailsTheGateAndItsScoreIsLogged() {
        BaseRecipe recipe = new BaseRecipe(WINDOW, 32, 1, 2, 1, 1, 1e-3, 0.5, 0.1, 3);
        List<Metric> logged = new ArrayList<>();
        try (NDManager nd = NDManager.newBaseManager(Device.cpu());
             LlamaWeights weights = LlamaWeights.initialize(nd, recipe.modelConfig(DATA.tokenizer().vocabularySize()), 3)) {
            double score = new LinesGate(DATA).score(nd, new LlamaModel(weights), WINDOW, 3, logged::add);
            assertTrue(score < 0.1, "an untrained model retrieved lines in-window: " + score);
            assertFalse(LinesGate.passes(score));
        }
        assertTrue(logged.stream().anyMatch(m -> m.name().equals(LinesGate.METRIC)), logged.toString());
    }

    @Test
    void theThresholdIsInclusive() {
        assertTrue(LinesGate.passes(LinesGate.THRESHOLD));
        assertFalse(LinesGate.passes(Math.nextDown(LinesGate.THRESHOLD)));
    }
}
