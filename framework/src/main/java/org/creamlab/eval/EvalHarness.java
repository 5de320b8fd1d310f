package org.creamlab.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.creamlab.data.TaskSample;
import org.creamlab.data.Tokenizer;
import org.creamlab.eval.stats.Interval;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.MetricLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a model over an evaluation set, cell by cell, and reports each cell's accuracy as metrics with
 * the cell's dimensions (task, length, position or depth):
 * {@code <prefix>/accuracy} (greedy decoding, published scorer) and {@code <prefix>/tf_exact_match}
 * (teacher-forced exact match of the answer tokens), each with {@code _low} and {@code _high}, the
 * Wilson 95% bounds, and {@code <prefix>/samples}. Per-sample outcomes come back in the result for
 * paired comparisons. Progress with an ETA goes to SLF4J every few seconds.
 */
public final class EvalHarness {

    private static final Logger LOG = LoggerFactory.getLogger(EvalHarness.class);

    private final Tokenizer tokenizer;
    private final LongSupplier nanoClock;
    private final long progressIntervalNanos;

    /** A harness reporting progress every 10 seconds. */
    public EvalHarness(Tokenizer tokenizer) {
        this(tokenizer, System::nanoTime, 10_000_000_000L);
    }

    public EvalHarness(Tokenizer tokenizer, LongSupplier nanoClock, long progressIntervalNanos) {
        this.tokenizer = tokenizer;
        this.nanoClock = nanoClock;
        this.progressIntervalNanos = progressIntervalNanos;
    }

    /** Evaluates {@code model} on {@code set}; every cell's metrics are logged as soon as it is done. */
    public EvalResult run(ScoringModel model, EvalSet set, EvalOptions options, MetricLog metrics) {
        return run(model, set, options, metrics, Map.of());
    }

    /**
     * The same, resuming: cells in {@code completed} (results a killed run already stored) are taken
     * as they are, neither computed nor logged again.
     */
    public EvalResult run(ScoringModel model, EvalSet set, EvalOptions options, MetricLog metrics,
                          Map<EvalCell, CellResult> completed) {
        return run(model, set, options, metrics, completed, PredictionSink.NONE);
    }

    /**
     * The same, also handing every teacher-forced prediction of the cells computed here to
     * {@code predictions} (cells taken from {@code completed} are not scored again, so not handed on).
     */
    public EvalResult run(ScoringModel model, EvalSet set, EvalOptions options, MetricLog metrics,
                          Map<EvalCell, CellResult> completed, PredictionSink predictions) {
        Progress progress = new Progress("evaluation", set.size(), nanoClock, progressIntervalNanos, LOG::info);
        List<CellResult> results = new ArrayList<>();
        for (Map.Entry<EvalCell, List<TaskSample>> e : set.samples().entrySet()) {
            EvalCell cell = e.getKey();
            List<TaskSample> samples = e.getValue();
            CellResult done = completed.get(cell);
            if (done != null && done.teacherForced() != null && done.teacherForced().length == samples.size()
                    && (!options.greedy() || done.greedy() != null)) {
                results.add(done);
                progress.advance(samples.size());
                continue;
            }
            boolean[] tf = options.teacherForced() ? teacherForced(model, cell, samples, options.batchSize(), predictions) : null;
            boolean[] greedy = options.greedy() ? greedy(model, samples, options.maxNewTokens()) : null;
            CellResult result = new CellResult(cell, greedy, tf);
            report(result, options.metricPrefix(), metrics);
            results.add(result);
            progress.advance(samples.size());
        }
        return new EvalResult(set.seed(), set.fingerprint(), results);
    }

    private boolean[] teacherForced(ScoringModel model, EvalCell cell, List<TaskSample> samples, int batchSize,
                                    PredictionSink predictions) {
        boolean[] out = new boolean[samples.size()];
        for (int from = 0; from < samples.size(); from += batchSize) {
            int to = Math.min(samples.size(), from + batchSize);
            List<int[]> prompts = new ArrayList<>();
            List<int[]> answers = new ArrayList<>();
            for (TaskSample s : samples.subList(from, to)) {
                prompts.add(s.prompt());
                answers.add(s.answer());
            }
            List<TargetScores> scores = model.scoreTargets(prompts, answers);
            for (int i = from; i < to; i++) {
                out[i] = scores.get(i - from).exactMatch(answers.get(i - from));
                predictions.accept(cell, i, samples.get(i), scores.get(i - from));
            }
        }
        return out;
    }

    private boolean[] greedy(ScoringModel model, List<TaskSample> samples, int maxNewTokens) {
        boolean[] out = new boolean[samples.size()];
        int eos = tokenizer.specialTokens().eos();
        for (int i = 0; i < samples.size(); i++) {
            TaskSample s = samples.get(i);
            String output = tokenizer.decode(model.greedyDecode(s.prompt(), maxNewTokens, eos));
            out[i] = Scoring.score(s.task(), output, s.answerText()) == 1;
        }
        return out;
    }

    private static void report(CellResult r, String prefix, MetricLog metrics) {
        Dimensions d = r.cell().dimensions();
        if (r.greedy() != null) {
            log(metrics, prefix + "/accuracy", r.accuracy(false), d);
            metrics.log(prefix + "/samples", r.greedy().length, d);
        }
        if (r.teacherForced() != null) {
            log(metrics, prefix + "/tf_exact_match", r.accuracy(true), d);
            if (r.greedy() == null) {
                metrics.log(prefix + "/samples", r.teacherForced().length, d);
            }
        }
    }

    private static void log(MetricLog metrics, String name, Interval i, Dimensions d) {
        metrics.log(name, i.estimate(), d);
        metrics.log(name + "_low", i.low(), d);
        metrics.log(name + "_high", i.high(), d);
    }
}
