package org.creamlab.experiments.study;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.creamlab.data.Tasks;
import org.creamlab.data.TaskSample;
import org.creamlab.eval.EvalGrid;
import org.creamlab.eval.EvalHarness;
import org.creamlab.eval.EvalOptions;
import org.creamlab.eval.EvalResult;
import org.creamlab.eval.EvalSet;
import org.creamlab.eval.LlamaScoringModel;
import org.creamlab.metric.Dimensions;
import org.creamlab.experiment.RunContext;
import org.creamlab.model.LlamaModel;
import org.creamlab.model.LlamaWeights;
import org.creamlab.model.ModelCheckpoint;
import org.creamlab.rope.NoScaling;
import org.creamlab.train.ProgressLogger;
import org.creamlab.train.RunMetricsListener;
import org.creamlab.train.Trainer;
import org.creamlab.train.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pre-trains a base at window N from scratch (reference/miniature-study-notes.md,
 * docs/base-recipe.md): a mixture of gapped copy warm-up sequences (most rows until the copy probe
 * passes, then a tenth) and whole task and filler documents up to N (lines and kv on an adaptive
 * item {@link Curriculum}), with the loss on answers (on every token for filler). Then scores it in the window, teacher-forced, on lines, kv, needle and passkey at N/2
 * and N. A base counts only when lines, kv and passkey each reach {@link #BAR} and lines passes the
 * stricter {@link LinesGate}; only then is it cached.
 */
public final class BaseTrainer {

    /** The in-window accuracy every bar task must reach. */
    public static final double BAR = 0.95;

    private static final Logger LOG = LoggerFactory.getLogger(BaseTrainer.class);
    private static final List<String> BAR_TASKS = List.of(Tasks.LINES, Tasks.KV, Tasks.PASSKEY);

    private final StudyData data;
    private final BaseModelCache cache;

    public BaseTrainer(StudyData data, BaseModelCache cache) {
        this.data = data;
        this.cache = cache;
    }

    /**
     * The cached base for this recipe, trained now (in this run) when missing.
     *
     * @throws BaseBelowBarException at once when an earlier run recorded that this recipe stays
     *     below the bar ({@link BaseModelCache#rejection})
     */
    public Path obtain(BaseRecipe recipe, RunContext run, Device device) throws IOException {
        var cached = cache.find(recipe);
        if (cached.isPresent()) {
            LOG.info("base {} from cache: {} (in-window {})", recipe.hash(), cached.get(), cache.scores(cached.get()));
            return cached.get();
        }
        var rejected = cache.rejection(recipe);
        if (rejected.isPresent()) {
            throw new BaseBelowBarException(recipe, rejected.get(), cache.recordedRejectionFile(recipe));
        }
        // one process pre-trains a recipe; others that need it wait, then take the cached result
        try (java.io.Closeable lock = cache.lock(recipe, () -> LOG.info(
                "base {} is being pre-trained by another process; waiting for it", recipe.hash()))) {
            cached = cache.find(recipe);
            if (cached.isPresent()) {
                LOG.info("base {} was pre-trained by another process while this one waited: {}", recipe.hash(), cached.get());
                return cached.get();
            }
            rejected = cache.rejection(recipe);
            if (rejected.isPresent()) {
                throw new BaseBelowBarException(recipe, rejected.get(), cache.recordedRejectionFile(recipe));
            }
            LOG.info("no cached base for {}: pre-training it now", recipe.hash());
            return train(recipe, run, device);
        }
    }

    /**
     * Trains, scores and (if it passes the bar) caches a base; stores {@code base/...} metrics.
     *
     * @throws BaseBelowBarException when a bar task stays below {@link #BAR} or lines fails the {@link LinesGate}
     */
    public Path train(BaseRecipe recipe, RunContext run, Device device) throws IOException {
        var config = recipe.modelConfig(data.tokenizer().vocabularySize());
        int minLength = data.minimumDocumentLength();
        int window = recipe.window();
        if (minLength > window) {
            throw new IllegalArgumentException("setting 'window': " + window + " tokens cannot hold the shortest task ("
                    + minLength + ")");
        }
        Curriculum curriculum = curriculum(window, recipe.seed());
        PretrainDocuments documents = new PretrainDocuments(data, curriculum, window);
        DocumentBatches batches = new DocumentBatches(window, recipe.batch(), data.tokenizer().specialTokens().pad(),
                (step, random) -> documents.draw(random, recipe.copyShareEarly(), recipe.copyShareLate()),
                curriculum);
        TrainingConfig training = TrainingConfig.builder().totalSteps(recipe.steps()).learningRate(recipe.learningRate())
                .dataSeed(recipe.seed()).clipNorm(1.0).checkpointDir(run.workDirectory().resolve("pretrain-" + recipe.hash()))
                .checkpointEvery(250).build();
        Path staged = run.workDirectory().resolve("base-" + recipe.hash());
        try (NDManager nd = NDManager.newBaseManager(device);
             LlamaWeights weights = LlamaWeights.initialize(nd, config, recipe.seed())) {
            CurriculumProbe probe = new CurriculumProbe(curriculum, data, nd, new LlamaModel(weights), 25, recipe.seed(),
                    run.metrics());
            try (Trainer trainer = new Trainer(weights, new NoScaling(), training, batches,
                    List.of(new ProgressLogger(50), RunMetricsListener.every(10, run.metrics(), "pretrain"), probe))) {
                trainer.stopOn(run.stopSignal());
                if (run.resumed()) {
                    trainer.resumeLatest();
                }
                trainer.run();
            }
            Map<String, Double> scores = score(nd, new LlamaModel(weights), window, recipe.seed(), run);
            LOG.info("base {} in-window accuracy (teacher-forced): {}", recipe.hash(), scores);
            for (String task : BAR_TASKS) {
                if (scores.get(task) < BAR) {
                    cache.recordRejection(recipe, scores);
                    throw new BaseBelowBarException(recipe, scores, null);
                }
            }
            double gate = new LinesGate(data).score(nd, new LlamaModel(weights), window, recipe.seed(), run.metrics());
            scores.put(LinesGate.SCORE_KEY, gate);
            LOG.info("base {} lines gate (teacher-forced, {} in-window samples): {} (needs {})", recipe.hash(),
                    2 * LinesGate.SAMPLES_PER_LENGTH, gate, LinesGate.THRESHOLD);
            if (!LinesGate.passes(gate)) {
                cache.recordRejection(recipe, scores);
                throw new BaseBelowBarException(recipe, scores, null);
            }
            Files.createDirectories(staged);
            ModelCheckpoint.save(staged, weights, new NoScaling());
            Path stored = cache.store(recipe, staged, scores);
            run.artifact("base-model", stored.resolve(ModelCheckpoint.WEIGHTS_FILE));
            return stored;
        }
    }

    /** Lines and kv on the item curriculum; tokens per item measured on a full-window sample. */
    private Curriculum curriculum(int window, long seed) {
        Map<String, Integer> minimum = new LinkedHashMap<>();
        Map<String, Integer> perItem = new LinkedHashMap<>();
        for (String task : List.of(Tasks.LINES, Tasks.KV)) {
            int min = data.tasks().get(task).minimumLength();
            TaskSample full = data.tasks().get(task).sample(new SplittableRandom(seed), window, org.creamlab.data.Placement.uniform());
            minimum.put(task, min);
            perItem.put(task, Math.max(1, (int) Math.ceil((double) (full.prompt().length - min) / Math.max(1, full.items() - 1))));
        }
        return new Curriculum(minimum, perItem, window);
    }

    /** Per task, pooled teacher-forced accuracy at N/2 and N; every cell is stored as {@code base/...}. */
    private Map<String, Double> score(NDManager nd, LlamaModel model, int window, long seed, RunContext run) {
        EvalGrid grid = EvalGrid.of(Tasks.ALL, List.of(window / 2, window), List.of(0.0, 0.5, 1.0), List.of(0.0, 50.0, 100.0));
        EvalSet set = EvalSet.build(data.tasks(), grid, 30, seed + 7919);
        EvalResult result = new EvalHarness(data.tokenizer()).run(new LlamaScoringModel(nd, model, new NoScaling(), 16),
                set, new EvalOptions(false, true, 8, 16, "base"), run.metrics());
        Map<String, Double> scores = new LinkedHashMap<>();
        result.pooledByTask(true).forEach((task, pooled) -> {
            scores.put(task, pooled.accuracy());
            run.metrics().log("base/in_window_accuracy", pooled.accuracy(), Dimensions.task(task));
        });
        return scores;
    }
}
