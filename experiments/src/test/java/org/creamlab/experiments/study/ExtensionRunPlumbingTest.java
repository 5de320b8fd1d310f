package org.creamlab.experiments.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creamlab.eval.EvalResult;
import org.creamlab.metric.Dimensions;
import org.creamlab.experiment.ExperimentBody;
import org.creamlab.experiment.ExperimentDescriptor;
import org.creamlab.metric.Metric;
import org.creamlab.metric.MetricLog;
import org.creamlab.experiment.RunContext;
import org.creamlab.experiment.RunParams;
import org.creamlab.experiment.RunPlan;
import org.creamlab.model.LlamaWeights;
import org.creamlab.model.ModelCheckpoint;
import org.creamlab.rope.NoScaling;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extension pipeline end to end at toy size, for every method: a base placed in the cache (an
 * untrained tiny model: this test checks plumbing, not learning), fine-tuning for two steps with the
 * method's position ids (none for the training-free remappings, which are evaluated as they are), and
 * the whole study evaluation. Accuracies are not asserted (an untrained
 * model); shapes, the evaluation grid and the stored metrics are.
 */
class ExtensionRunPlumbingTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"none", "cream", "pose", "randpos", "full", "self-extend", "rerope", "leaky-rerope", "string", "ms-poe"})
    void everyMethodFineTunesAndIsEvaluatedOnTheWholeGrid(String method) throws Exception {
        StudyData data = StudyData.miniature();
        BaseRecipe recipe = new BaseRecipe(128, 16, 1, 2, 1, 1, 1e-3, 0.5, 0.1, 1);
        BaseModelCache cache = new BaseModelCache(dir.resolve("models"));
        Path staged = dir.resolve("staged");
        Files.createDirectories(staged);
        try (NDManager nd = NDManager.newBaseManager();
             LlamaWeights w = LlamaWeights.initialize(nd, recipe.modelConfig(data.tokenizer().vocabularySize()), 1)) {
            ModelCheckpoint.save(staged, w, new NoScaling());
        }
        cache.store(recipe, staged, Map.of());

        Map<String, String> params = new LinkedHashMap<>();
        params.put("factor", "8");   // L = 1024: every evaluation length the study uses
        params.put("steps", "2");
        params.put("fullSteps", "3");   // the full-length bound trains its own steps
        params.put("batch", "2");
        params.put("lr", "0.001");
        params.put("evalSamples", "1");
        params.put("gridSamples", "1");
        params.put("greedy", TrainingFreeMethods.isTrainingFree(method) ? "false" : "true");   // remappings: teacher-forced
        params.put("corpus", "rows");
        params.put("curvePoints", "2");
        params.put("fillerLoss", "true");
        params.put("mix", "kv=2");
        params.put("farCopies", "true");
        params.put("fullSpanShare", "0.5");   // full-length rows: the spanning layout is exercised too
        params.put("fullSpanQuestions", "4");
        params.put("fullSpanLinesQuestions", "4");
        params.put("fullSpanLinesBlocks", "8");
        List<Metric> metrics = new ArrayList<>();
        Files.createDirectories(dir.resolve("run"));
        RunContext run = new ListRunContext(new RunParams(params), dir.resolve("run"), metrics);

        EvalResult result = new ExtensionRun(data, cache, Device.cpu()).run(recipe, method, "linear", run);

        // lines: 8 lengths from N/2 to L = 1024; kv: 5 positions; needle 3 x 5; passkey 3 x 3
        assertEquals(List.of(64, 128, 277, 427, 576, 725, 875, 1024), StudyEvaluation.lineLengths(128, 1024));
        assertEquals(8 + 5 + 15 + 9, result.cells().size());
        boolean trained = metrics.stream().anyMatch(m -> m.name().equals("train/loss"));
        assertEquals(!method.equals("none") && !TrainingFreeMethods.isTrainingFree(method), trained,
                "fine-tuning ran exactly for the methods that fine-tune");
        assertEquals(1, metrics.stream().filter(m -> m.name().equals("cost/forward_at_L_s") && m.value() > 0).count(),
                "the inference cost at L is stored");
        if (trained) {
            String last = method.equals("full") ? "step-00000003" : "step-00000002";
            assertTrue(Files.isDirectory(dir.resolve("run/fine-tune").resolve(last)),
                    "the full-length bound trains fullSteps (3), the others steps (2)");
        }
        assertTrue(metrics.stream().allMatch(m -> !m.name().equals("train/loss") || Double.isFinite(m.value())));
        assertEquals(4, metrics.stream().filter(m -> m.name().equals("eval/perplexity")).count());
        assertTrue(metrics.stream().filter(m -> m.name().equals("eval/perplexity")).allMatch(m -> m.value() > 1));
        assertEquals(result.cells().size(), metrics.stream().filter(m -> m.name().equals("eval/correct")).count());
        assertFalse(metrics.stream().anyMatch(m -> m.name().startsWith("eval/accuracy") && m.dimensions().task() == null));
        assertEquals(8, metrics.stream().filter(m -> m.name().equals("eval/lure_samples")
                && "lines".equals(m.dimensions().task())).count(), "every LongChat-Lines cell tallies its lures");
    }

    /** A run context over a list, for a run outside the store. */
    private record ListRunContext(RunParams params, Path work, List<Metric> list) implements RunContext {

        @Override
        public RunPlan plan() {
            return new RunPlan(new ExperimentDescriptor("plumbing", "test fixture", Fixture.class, List.of(), List.of(1L)),
                    params, 1);
        }

        @Override
        public long runId() {
            return 1;
        }

        @Override
        public MetricLog metrics() {
            return list::add;
        }

        @Override
        public boolean resumed() {
            return false;
        }

        @Override
        public boolean hasMetric(String name, Long step, Dimensions dimensions) {
            return false;
        }

        @Override
        public List<Metric> previousMetrics() {
            return List.of();
        }

        @Override
        public Path workDirectory() {
            return work;
        }

        @Override
        public void artifact(String kind, Path file) {}
    }

    /** Not annotated: it must not appear among the project's experiments. */
    static final class Fixture implements ExperimentBody {
        @Override
        public void run(RunContext context) {}
    }
}
