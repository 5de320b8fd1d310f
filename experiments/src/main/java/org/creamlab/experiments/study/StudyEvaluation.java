package org.creamlab.experiments.study;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.creamlab.data.Tasks;
import org.creamlab.eval.CellResult;
import org.creamlab.eval.EvalCell;
import org.creamlab.eval.EvalGrid;
import org.creamlab.eval.EvalHarness;
import org.creamlab.eval.EvalOptions;
import org.creamlab.eval.EvalResult;
import org.creamlab.eval.EvalSet;
import org.creamlab.eval.LlamaScoringModel;
import org.creamlab.eval.LureTally;
import org.creamlab.eval.Perplexity;
import org.creamlab.eval.PredictionsFile;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;
import org.creamlab.metric.MetricLog;
import org.creamlab.experiment.RunContext;
import org.creamlab.model.LlamaModel;
import org.creamlab.rope.RopeScaling;

/**
 * The study's long-context evaluation of one model, from window N/2 to L = fN, on an evaluation
 * set fixed by the run's seed (so every method of a seed sees the same prompts):
 * <ul>
 *   <li>LongChat-Lines at 8 lengths from N/2 to L (N/2, N, then L/6 steps up to L);</li>
 *   <li>key-value retrieval at L with the gold pair first, at 25%, 50%, 75% and last;</li>
 *   <li>needle at L/4, L/2, L x depths 0, 25, 50, 75, 100%; passkey at the same lengths x 0, 50, 100%;</li>
 *   <li>perplexity of held-out filler documents of L tokens at windows N, 2N, L/2 and L, and of
 *       far-recall documents of those lengths (a repeat of text half the length back).</li>
 * </ul>
 * A cell of length {@code l} holds the prompt and its answer (prompts are two tokens shorter).
 * Cells are stored as {@code eval/...} metrics with their dimensions; per-sample outcomes as
 * {@code eval/correct} (step = sample index), so paired tests can be computed from the store; for
 * multi-token answers, how they fare with and without a lure ({@link LureTally}: e.g. a LongChat-Lines
 * number whose first piece another line shares).
 */
public final class StudyEvaluation {

    private final StudyData data;

    public StudyEvaluation(StudyData data) {
        this.data = data;
    }

    /** The lengths of the LongChat-Lines curve: N/2, N and 6 even steps up to L (8 in all). */
    public static List<Integer> lineLengths(int window, int target) {
        List<Integer> lengths = new ArrayList<>(List.of(window / 2, window));
        for (int i = 1; i <= 6; i++) {
            int len = window + (int) Math.round((target - window) * i / 6.0);
            if (!lengths.contains(len)) {
                lengths.add(len);
            }
        }
        return lengths;
    }

    /**
     * @param perCell samples per lines and kv cell
     * @param perGridCell samples per needle and passkey cell (the grids have many cells)
     */
    public EvalResult evaluate(NDManager nd, LlamaModel model, RopeScaling scaling, int window, int target, int perCell,
                               int perGridCell, boolean greedy, long seed, RunContext run) {
        return evaluate(nd, new LlamaScoringModel(nd, model, scaling, 8), window, target, perCell, perGridCell, greedy, seed, run);
    }

    /** The same through any scorer (e.g. one under a training-free position remapping). */
    public EvalResult evaluate(NDManager nd, LlamaScoringModel scorer, int window, int target, int perCell,
                               int perGridCell, boolean greedy, long seed, RunContext run) {
        EvalSet set = evaluationSet(window, target, perCell, perGridCell, seed, true);
        Map<EvalCell, CellResult> completed = completedBeforeResume(set, run);
        EvalOptions options = new EvalOptions(greedy, true, 8, 8, "eval");
        EvalResult result;
        if (completed.size() == set.samples().size()) {   // resumed after the evaluation: its file is written
            result = new EvalHarness(data.tokenizer()).run(scorer, set, options, run.metrics(), completed);
        } else {
            Path predictionsFile = run.workDirectory().resolve(PREDICTIONS_FILE);
            boolean written;
            LureTally lures = new LureTally();
            try (PredictionsFile predictions = new PredictionsFile(predictionsFile, data.tokenizer())) {
                result = new EvalHarness(data.tokenizer()).run(scorer, set, options, run.metrics(), completed,
                        predictions.andThen(lures));
                written = predictions.finish();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + predictionsFile, e);
            }
            if (written) {
                run.artifact(PREDICTIONS_ARTIFACT, predictionsFile);
            }
            lures.log(run.metrics(), "eval");   // cells taken from a killed run's store are not scored again, so not tallied
        }
        storeOutcomes(result, run);
        List<Integer> windows = List.of(window, 2 * window, target / 2, target);
        Perplexity.evaluate(scorer, data.heldOutFiller(seed, Math.max(4, perCell / 5), target), windows, "eval", run.metrics());
        Perplexity.ofContinuations(scorer, data.heldOutRecall(seed, Math.max(4, perCell / 5), windows), "eval",
                RECALL_PERPLEXITY, run.metrics());
        return result;
    }

    /**
     * The final evaluation's teacher-forced predictions, one line per sample (see {@link PredictionsFile}),
     * in the run's folder. The per-sample outcomes are stored when the whole evaluation is done, so a run
     * resumed before that evaluates (and writes) every cell again, and one resumed after it keeps its file.
     */
    public static final String PREDICTIONS_FILE = "eval-predictions.tsv.gz";

    /** The artifact kind of {@link #PREDICTIONS_FILE} in the store. */
    public static final String PREDICTIONS_ARTIFACT = "eval-predictions";

    /** Task name of the far-recall perplexity ({@code eval/recall-perplexity}): a repeat of text L/2 back. */
    public static final String RECALL_PERPLEXITY = "recall-perplexity";

    /**
     * A lighter evaluation while fine-tuning (the accuracy-vs-steps curve): every lines and kv cell
     * and the needle and passkey cells at L, {@code perCell} samples each, teacher-forced, logged as
     * {@code curve/tf_exact_match} at the training step {@code step} (cell dimensions as in the final
     * evaluation). The prompts are the first ones of the final evaluation's cells.
     */
    public void evaluateProgress(NDManager nd, LlamaModel model, RopeScaling scaling, int window, int target, int perCell,
                                 long seed, long step, RunContext run) {
        EvalSet set = evaluationSet(window, target, perCell, perCell, seed, false);
        LlamaScoringModel scorer = new LlamaScoringModel(nd, model, scaling, 8);
        MetricLog atStep = m -> {
            if (m.name().equals("curve/tf_exact_match")) {
                run.metrics().log(new Metric(m.name(), step, m.value(), m.dimensions()));
            }
        };
        new EvalHarness(data.tokenizer()).run(scorer, set, new EvalOptions(false, true, 8, 8, "curve"), atStep, Map.of());
    }

    /**
     * The evaluation grid: lines at {@link #lineLengths}, kv at L by gold position, needle and passkey
     * at L/4, L/2, L ({@code allGridLengths}) or at L only. A cell of length {@code l} holds prompt and
     * answer: prompts are {@link StudyData#MAX_ANSWER_TOKENS} shorter, so no answer token sits at a
     * position id of L or beyond.
     */
    EvalSet evaluationSet(int window, int target, int perCell, int perGridCell, long seed, boolean allGridLengths) {
        List<EvalCell> cells = new ArrayList<>();
        cells.addAll(EvalGrid.of(List.of(Tasks.LINES), lineLengths(window, target), List.of(), List.of()).cells());
        cells.addAll(EvalGrid.of(List.of(Tasks.KV), List.of(target), List.of(0.0, 0.25, 0.5, 0.75, 1.0), List.of()).cells());
        List<Integer> longLengths = allGridLengths ? List.of(target / 4, target / 2, target) : List.of(target);
        List<EvalCell> grids = new ArrayList<>();
        grids.addAll(EvalGrid.of(List.of(Tasks.NEEDLE), longLengths, List.of(), List.of(0.0, 25.0, 50.0, 75.0, 100.0)).cells());
        grids.addAll(EvalGrid.of(List.of(Tasks.PASSKEY), longLengths, List.of(), List.of(0.0, 50.0, 100.0)).cells());
        int room = StudyData.MAX_ANSWER_TOKENS;
        return EvalSet.build(data.tasks(), new EvalGrid(cells), perCell, seed, room)
                .with(EvalSet.build(data.tasks(), new EvalGrid(grids), perGridCell, seed, room));
    }

    /**
     * Cells a killed run finished (all their {@code eval/correct} outcomes stored): a resumed run
     * takes them as they are and evaluates only the rest. Greedy outcomes are not stored per sample,
     * so with greedy decoding on the harness recomputes such cells.
     */
    static Map<EvalCell, CellResult> completedBeforeResume(EvalSet set, RunContext run) {
        Map<EvalCell, CellResult> done = new HashMap<>();
        if (run.previousMetrics().isEmpty()) {
            return done;
        }
        Map<Dimensions, Map<Long, Boolean>> outcomes = new HashMap<>();
        for (Metric m : run.previousMetrics()) {
            if (m.name().equals("eval/correct") && m.step() != null) {
                outcomes.computeIfAbsent(m.dimensions(), d -> new HashMap<>()).put(m.step(), m.value() == 1);
            }
        }
        set.samples().forEach((cell, samples) -> {
            Map<Long, Boolean> got = outcomes.get(cell.dimensions());
            if (got != null && got.size() == samples.size()) {
                boolean[] tf = new boolean[samples.size()];
                for (int i = 0; i < tf.length; i++) {
                    tf[i] = got.getOrDefault((long) i, false);
                }
                done.put(cell, new CellResult(cell, null, tf));
            }
        });
        return done;
    }

    private static void storeOutcomes(EvalResult result, RunContext run) {
        for (CellResult c : result.cells()) {
            Dimensions d = c.cell().dimensions();
            boolean[] tf = c.teacherForced();
            for (int i = 0; i < tf.length; i++) {
                run.metrics().log(new Metric("eval/correct", (long) i, tf[i] ? 1 : 0, d));
            }
        }
    }
}
