package org.creamlab.experiments.study;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creamlab.data.EpisodeMix;
import org.creamlab.eval.EvalResult;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;
import org.creamlab.experiment.RunContext;
import org.creamlab.experiment.RunParams;
import org.creamlab.model.LlamaConfig;
import org.creamlab.model.LlamaModel;
import org.creamlab.model.LlamaWeights;
import org.creamlab.model.ModelCheckpoint;
import org.creamlab.bench.ProcessMemory;
import org.creamlab.positions.ContiguousScheme;
import org.creamlab.positions.PositionScheme;
import org.creamlab.positions.PositionSchemes;
import org.creamlab.positions.SchemeSettings;
import org.creamlab.positions.WindowExtension;
import org.creamlab.rope.RopeScaling;
import org.creamlab.train.LrSchedule;
import org.creamlab.train.ProgressLogger;
import org.creamlab.train.RunMetricsListener;
import org.creamlab.train.Trainer;
import org.creamlab.train.TrainingConfig;
import org.creamlab.train.TrainingListener;
import org.creamlab.train.audit.SupervisionAudit;
import org.creamlab.train.audit.SupervisionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One extension run: the cached base (pre-trained now if missing), fine-tuned at window N toward
 * L = fN with a position scheme (or not at all for {@code none}), then the study's evaluation.
 *
 * <p>Reads from the run's parameters: {@code factor}, {@code steps}, {@code batch}, {@code lr},
 * {@code evalSamples}, {@code gridSamples}, {@code greedy}, and any of the CREAM settings the positions package knows
 * ({@code sigma}, {@code variants}, {@code middle}, ...) when the experiment declares them.
 */
public final class ExtensionRun {

    /** Method name that skips fine-tuning (the base with the scaling only). */
    public static final String NO_FINE_TUNING = "none";

    private static final Logger LOG = LoggerFactory.getLogger(ExtensionRun.class);
    private static final List<String> SCHEME_SETTINGS = List.of("sigma", "variants", "middle", "k", "faithful",
            "continuity-probability", "middle-tokens", "first-chunk-bias");

    private final StudyData data;
    private final BaseModelCache cache;
    private final Device device;

    public ExtensionRun(StudyData data, BaseModelCache cache, Device device) {
        this.data = data;
        this.cache = cache;
        this.device = device;
    }

    /** Fine-tunes (unless {@code none}) and evaluates; returns the evaluation's per-cell outcomes. */
    public EvalResult run(BaseRecipe recipe, String method, String scalingName, RunContext run) throws IOException {
        return run(recipe, method, scalingName, schemeSettings(run.params()), run);
    }

    /** The same with explicit position-scheme settings (e.g. a CREAM ablation). */
    public EvalResult run(BaseRecipe recipe, String method, String scalingName, SchemeSettings schemeSettings,
                          RunContext run) throws IOException {
        RunParams p = run.params();
        int window = recipe.window();
        int factor = p.getInt("factor");
        WindowExtension extension = new WindowExtension(window, factor);
        int target = extension.targetLength();
        RopeScaling scaling = StudyScaling.create(scalingName, factor, window, p);
        long t0 = System.nanoTime();
        Path base = new BaseTrainer(data, cache).obtain(recipe, run, device);
        LlamaConfig config = recipe.modelConfig(data.tokenizer().vocabularySize());
        try (NDManager nd = NDManager.newBaseManager(device);
             LlamaWeights weights = ModelCheckpoint.loadWeights(nd, base, config)) {
            long t1 = logSeconds(run, "time/base_s", t0);
            if (TrainingFreeMethods.isTrainingFree(method)) {
                return evaluateTrainingFree(nd, weights, method, extension, p, run, t1);
            }
            if (!method.equals(NO_FINE_TUNING)) {
                TrainingListener curve = progressEvaluation(nd, weights, scaling, extension, steps(p, method), p, run);
                fineTune(weights, method, extension, scaling, schemeSettings, p, run, curve);
            }
            long t2 = logSeconds(run, "time/fine_tune_s", t1);
            LlamaModel model = new LlamaModel(weights);
            logForwardCost(nd, (m, tokens, positions) -> model.logitsLowMemory(m, tokens, positions, scaling,
                    LlamaModel.DEFAULT_QUERY_CHUNK, false), target, method, run,
                    scoresMiB(config.heads(), Math.min(LlamaModel.DEFAULT_QUERY_CHUNK, target), target, 1));
            EvalResult result = new StudyEvaluation(data).evaluate(nd, model, scaling, window, target,
                    p.getInt("evalSamples"), p.getInt("gridSamples"), p.getBoolean("greedy"), run.seed(), run);
            logSeconds(run, "time/eval_s", t2);
            return result;
        }
    }

    /** No fine-tuning: the base evaluated under the method's inference-time remapping (teacher-forced). */
    private EvalResult evaluateTrainingFree(NDManager nd, LlamaWeights weights, String method, WindowExtension extension,
                                           RunParams p, RunContext run, long since) {
        if (p.getBoolean("greedy")) {
            throw new IllegalArgumentException("setting 'greedy': training-free methods are evaluated teacher-forced only"
                    + " (their attention needs the whole sequence)");
        }
        LOG.info("training-free {}: {}", method, TrainingFreeMethods.describe(method, extension));
        long t2 = logSeconds(run, "time/fine_tune_s", since);
        var forward = TrainingFreeMethods.forward(method, new LlamaModel(weights), extension);
        int l = extension.targetLength();
        logForwardCost(nd, forward, l, method, run, scoresMiB(weights.config().heads(), l, l, TrainingFreeMethods.regions(method)));
        var scorer = new org.creamlab.eval.LlamaScoringModel(nd, forward, TrainingFreeMethods.batchSize(method));
        EvalResult result = new StudyEvaluation(data).evaluate(nd, scorer, extension.window(), extension.targetLength(),
                p.getInt("evalSamples"), p.getInt("gridSamples"), false, run.seed(), run);
        logSeconds(run, "time/eval_s", t2);
        return result;
    }

    /** MiB of float32 attention scores: {@code regions x heads x queries x keys}. */
    private static double scoresMiB(int heads, int queries, int keys, int regions) {
        return (double) regions * heads * queries * keys * Float.BYTES / (1 << 20);
    }

    /**
     * The method's inference cost next to its quality, for one sequence of L tokens:
     * {@code cost/forward_at_L_s}, seconds of one forward (median of 3 after one warm-up);
     * {@code cost/attention_scores_mib}, the attention scores one layer materializes at once (query
     * chunks of the plain path, one T x T matrix per head and region for a remapping: the memory that
     * grows with L); {@code cost/forward_rss_growth_mib}, how much the resident set grew over the
     * forwards (when the peak can be reset) -- a lower bound in a warm process, which reuses memory it
     * already holds.
     *
     * @param scoresMiB the attention scores one layer holds at once, in MiB
     */
    private void logForwardCost(NDManager nd, org.creamlab.model.BatchScorer.Forward forward, int length, String method,
                                RunContext run, double scoresMiB) {
        int[][] tokens = new int[1][length];
        long[][] positions = new long[1][length];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(run.seed());
        for (int t = 0; t < length; t++) {
            tokens[0][t] = 1 + rng.nextInt(data.tokenizer().vocabularySize() - 1);
            positions[0][t] = t;
        }
        boolean peakReset = ProcessMemory.resetPeak();
        double before = ProcessMemory.currentMiB();
        double[] seconds = new double[4];
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            try (NDManager m = nd.newSubManager()) {
                forward.logits(m, tokens, positions).toFloatArray();
            }
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        double[] timed = java.util.Arrays.copyOfRange(seconds, 1, seconds.length);
        java.util.Arrays.sort(timed);
        Dimensions d = Dimensions.task(method).withLength(length);
        run.metrics().log(Metric.of("cost/forward_at_L_s", timed[timed.length / 2], d));
        run.metrics().log(Metric.of("cost/attention_scores_mib", scoresMiB, d));
        if (peakReset && before > 0) {
            run.metrics().log(Metric.of("cost/forward_rss_growth_mib", Math.max(0, ProcessMemory.peakMiB() - before), d));
        }
    }

    private void fineTune(LlamaWeights weights, String method, WindowExtension extension, RopeScaling scaling,
                          SchemeSettings schemeSettings, RunParams p, RunContext run, TrainingListener curve)
            throws IOException {
        PositionScheme scheme = PositionSchemes.standard().create(method, extension, schemeSettings);
        int steps = steps(p, method);
        int rows = p.getInt("batch");
        if (scheme.sampleLength() > extension.window()) {
            // same tokens per step: rows of L instead of rows of N
            rows = Math.max(1, rows * extension.window() / scheme.sampleLength());
        }
        FineTuneCorpus corpus = FineTuneCorpus.of(p.get("corpus"));
        var documents = data.extensionDocuments(extension.window(), EpisodeMix.parse(p.get("mix")));
        if (p.getBoolean("farCopies") && scheme.sampleLength() > extension.window()) {
            // rows of L: copies may span the row, as the window methods' compressed ids already make them do
            documents = documents.withFarCopies(data.farCopy(scheme.sampleLength()));
        }
        if (p.getInt("fullSpanLinesBlocks") > 0 && scheme.sampleLength() > extension.window()) {
            // rows of L: spanning LongChat-Lines records whose numbers share first pieces (docs/study.md section 19)
            documents = documents.withSpanningTasks(data.spanningTasksWithLinesBlocks(p.getInt("fullSpanLinesBlocks")));
        }
        ExtensionBatches batches = new ExtensionBatches(scheme, corpus, documents,
                extension.targetLength(), rows, data.tokenizer().specialTokens().pad(), p.getBoolean("fillerLoss"),
                new SpanningRows(p.getDouble("fullSpanShare"), p.getInt("fullSpanQuestions"),
                        p.getInt("fullSpanLinesQuestions")));
        logAudit(new SupervisionAudit(extension.targetLength(), AUDIT_BINS)
                .audit(batches, run.seed(), Math.min(steps, AUDIT_STEPS), 1), method, run);
        TrainingConfig training = TrainingConfig.builder().totalSteps(steps)
                .schedule(LrSchedule.linear(p.getDouble("lr"), Math.max(1, steps / 10), steps, 0.0))
                .dataSeed(run.seed()).clipNorm(1.0)
                .checkpointDir(run.workDirectory().resolve("fine-tune")).checkpointEvery(100).build();
        LOG.info("fine-tuning with {}: {} steps of {} rows x {} tokens", method, steps, rows, scheme.sampleLength());
        boolean peakReset = ProcessMemory.resetPeak();
        try (Trainer trainer = new Trainer(weights, scaling, training, batches,
                List.of(new ProgressLogger(50), RunMetricsListener.every(5, run.metrics()), curve))) {
            trainer.stopOn(run.stopSignal());
            if (run.resumed()) {
                trainer.resumeLatest();
            }
            trainer.run();
        }
        // the efficiency claim: peak memory while fine-tuning at this sample length (time per step: train/tokens_per_s)
        if (peakReset) {
            run.metrics().log(Metric.of("train/peak_rss_mib", ProcessMemory.peakMiB(),
                    Dimensions.task(method).withLength(scheme.sampleLength())));
        }
    }

    /**
     * The accuracy-vs-steps curve: a light evaluation ({@link StudyEvaluation#evaluateProgress}) after
     * steps {@code steps * i / curvePoints} for {@code i = 1 .. curvePoints - 1}; the final evaluation is
     * the last point. A point a killed run already stored is not evaluated again.
     */
    private TrainingListener progressEvaluation(NDManager nd, LlamaWeights weights, RopeScaling scaling,
                                                WindowExtension extension, int steps, RunParams p, RunContext run) {
        int points = p.getInt("curvePoints");
        java.util.Set<Long> at = new java.util.TreeSet<>();
        for (int i = 1; i < points; i++) {
            long step = (long) steps * i / points;
            if (step > 0 && step < steps) {
                at.add(step);
            }
        }
        int samples = Math.max(1, p.getInt("evalSamples") / 5);
        StudyEvaluation evaluation = new StudyEvaluation(data);
        int cells = evaluation.evaluationSet(extension.window(), extension.targetLength(), samples, samples, run.seed(), false)
                .samples().size();
        // a point counts as done only when every cell of it was stored (a run killed inside a point redoes it)
        java.util.Map<Long, Long> stored = new java.util.HashMap<>();
        run.previousMetrics().stream().filter(m -> m.name().equals("curve/tf_exact_match") && m.step() != null)
                .forEach(m -> stored.merge(m.step(), 1L, Long::sum));
        LlamaModel model = new LlamaModel(weights);   // shares the weights being trained; built once
        return new TrainingListener() {
            @Override
            public void onStep(org.creamlab.train.StepResult r) {
                long completed = r.step() + 1;
                if (at.contains(completed) && stored.getOrDefault(completed, 0L) < cells) {
                    long t0 = System.nanoTime();
                    evaluation.evaluateProgress(nd, model, scaling, extension.window(), extension.targetLength(), samples,
                            run.seed(), completed, run);
                    LOG.info("accuracy-vs-steps point after {} steps: {} s", completed,
                            String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
                }
            }
        };
    }

    /**
     * The fine-tuning steps of a method: {@code fullSteps} for the full-length bound when it is set
     * (> 0), {@code steps} otherwise.
     */
    static int steps(RunParams p, String method) {
        int fullSteps = p.values().containsKey("fullSteps") ? p.getInt("fullSteps") : 0;
        return ContiguousScheme.FULL_NAME.equals(method) && fullSteps > 0 ? fullSteps : p.getInt("steps");
    }

    /**
     * Stores the wall seconds since {@code since} as {@code name} (parts of a run: obtaining the base,
     * fine-tuning with its curve points, the final evaluation; a resumed run counts its last part only).
     *
     * @return now, in {@link System#nanoTime()} units
     */
    private static long logSeconds(RunContext run, String name, long since) {
        long now = System.nanoTime();
        run.metrics().log(Metric.of(name, (now - since) / 1e9, Dimensions.none()));
        return now;
    }

    /** Steps the supervision audit replays (the first ones of the run; the stream is stationary). */
    static final int AUDIT_STEPS = 200;
    /** Bins of the audit's evidence-distance histogram over [0, L). */
    static final int AUDIT_BINS = 16;

    /**
     * Stores the audit of the run's fine-tuning data as {@code audit/...} metrics (per step, task =
     * the method): targets by class, learnable retrieval targets, their share of the loss, rows
     * without a target, and the distance histogram ({@code audit/distance}, length = the bin's upper edge).
     */
    private static void logAudit(SupervisionReport a, String method, RunContext run) {
        Dimensions d = Dimensions.task(method);
        var m = run.metrics();
        m.log(Metric.of("audit/masked_targets", a.maskedTargets(), d));
        m.log(Metric.of("audit/answer_targets", a.answerTargets(), d));
        m.log(Metric.of("audit/copy_targets", a.copyTargets(), d));
        m.log(Metric.of("audit/filler_targets", a.fillerTargets(), d));
        m.log(Metric.of("audit/learnable_retrieval", a.learnableRetrieval(), d));
        m.log(Metric.of("audit/learnable_share", a.learnableShare(), d));
        m.log(Metric.of("audit/rows_without_target", a.rowsWithoutTarget(), d));
        int[] edges = a.distanceBins();
        double[] counts = a.distanceCounts();
        for (int i = 0; i < edges.length; i++) {
            m.log(Metric.of("audit/distance", counts[i], d.withLength(edges[i])));
        }
        LOG.info("supervision audit ({}, {} steps): {} targets/step, answer {} copy {} filler {}, learnable retrieval {} "
                + "({}% of the loss), rows without target {}%", method, a.steps(), fmt(a.maskedTargets()),
                fmt(a.answerTargets()), fmt(a.copyTargets()), fmt(a.fillerTargets()), fmt(a.learnableRetrieval()),
                fmt(100 * a.learnableShare()), fmt(100 * a.rowsWithoutTarget()));
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    static SchemeSettings schemeSettings(RunParams p) {
        Map<String, String> s = new LinkedHashMap<>();
        for (String name : SCHEME_SETTINGS) {
            if (p.values().containsKey(name)) {
                s.put(name, p.get(name));
            }
        }
        return SchemeSettings.of(s);
    }
}
