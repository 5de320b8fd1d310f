package org.creamlab.experiments.regression;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;
import org.creamlab.config.Settings;
import org.creamlab.eval.EvalResult;
import org.creamlab.metric.Dimensions;
import org.creamlab.experiment.Experiment;
import org.creamlab.experiment.ExperimentBody;
import org.creamlab.experiment.Param;
import org.creamlab.experiment.ParamType;
import org.creamlab.experiment.RunContext;
import org.creamlab.experiment.Seeds;
import org.creamlab.experiments.study.BaseParams;
import org.creamlab.experiments.study.BaseRecipe;
import org.creamlab.experiments.study.ExtensionStudy;
import org.creamlab.experiments.study.FineTuneParams;
import org.creamlab.experiments.study.ScopedRunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small fixed-seed cream-vs-pose for CI: the study's base, CREAM and PoSE fine-tuned briefly, a
 * small evaluation, and its key accuracies (per method and task, pooled over lengths beyond N)
 * compared with {@code experiments/regression-baseline.json}. A value that moved the wrong way by
 * more than its tolerance fails the run, naming the metric, the baseline and the new value.
 *
 * <p>{@code -Dp.update=true} re-measures at seeds 1, 2 and 3 and rewrites the baseline: values at
 * seed 1 (what CI runs; same seed and threads give the same numbers on CPU) and tolerances of twice
 * the spread across the seeds (at least 0.05). Accuracies within their tolerance of 0 are left out
 * (a check on them could never fail). Commit the file with the change that moved it.
 */
@Experiment(name = "regression", description = "fixed-seed small CREAM vs PoSE; fails when a key accuracy drops below its baseline")
@BaseParams
@FineTuneParams
@Param(name = "steps", values = "400", type = ParamType.INT, min = 1, max = 100_000)
@Param(name = "evalSamples", values = "20", type = ParamType.INT, min = 1, max = 10_000)
@Param(name = "gridSamples", values = "10", type = ParamType.INT, min = 1, max = 10_000)
@Param(name = "curvePoints", values = "1", type = ParamType.INT, min = 1, max = 100, description = "no curve in CI")
@Param(name = "update", values = "false", type = ParamType.BOOLEAN, description = "re-measure 3 seeds and rewrite the baseline")
@Seeds(1)
public final class RegressionExperiment implements ExperimentBody {

    private static final Logger LOG = LoggerFactory.getLogger(RegressionExperiment.class);
    private static final List<String> METHODS = List.of("cream", "pose");
    private static final List<Long> BASELINE_SEEDS = List.of(1L, 2L, 3L);
    private static final double TOLERANCE_FLOOR = 0.05;

    private final ExtensionStudy study;
    private final Settings settings;

    @Inject
    RegressionExperiment(ExtensionStudy study, Settings settings) {
        this.study = study;
        this.settings = settings;
    }

    @Override
    public void run(RunContext run) throws Exception {
        Path file = settings.root().resolve("experiments").resolve("regression-baseline.json");
        if (run.params().getBoolean("update")) {
            Map<String, List<Double>> bySeed = new LinkedHashMap<>();
            for (long seed : BASELINE_SEEDS) {
                measure(run, seed).forEach((k, v) -> bySeed.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
            Map<String, RegressionBaseline.Entry> entries = new LinkedHashMap<>();
            bySeed.forEach((k, values) -> {
                RegressionBaseline.Entry entry = RegressionBaseline.entry(BASELINE_SEEDS.get(0), BASELINE_SEEDS, values, true,
                        TOLERANCE_FLOOR);
                if (entry.value() - entry.tolerance() <= 0) {
                    // a value within its tolerance of 0 cannot drop below it: such a check could never fail
                    LOG.info("regression: {} not guarded (baseline {} within its tolerance {} of 0)", k, entry.value(),
                            entry.tolerance());
                } else {
                    entries.put(k, entry);
                }
            });
            if (entries.isEmpty()) {
                throw new IllegalStateException("no key accuracy is far enough above 0 to guard; the regression would "
                        + "check nothing (raise -Dp.steps or the sample counts)");
            }
            new RegressionBaseline(BASELINE_SEEDS.get(0), entries).write(file);
            LOG.info("regression baseline rewritten: {}", file);
            return;
        }
        RegressionBaseline baseline = RegressionBaseline.read(file);
        if (baseline.seed() != run.seed()) {
            throw new IllegalStateException("the baseline was measured at seed " + baseline.seed() + ", this run uses seed "
                    + run.seed() + "; run with -Dseeds=" + baseline.seed());
        }
        Map<String, Double> measured = measure(run, run.seed());
        List<RegressionBaseline.Drop> drops = baseline.drops(measured);
        measured.forEach((k, v) -> LOG.info("regression {}: {} (baseline {})", k, v,
                baseline.metrics().containsKey(k) ? baseline.metrics().get(k).value() : "none"));
        if (!drops.isEmpty()) {
            throw new RegressionFailure(drops);
        }
    }

    /** Key accuracies of each method at one seed, each also stored as {@code regression/...}. */
    private Map<String, Double> measure(RunContext run, long seed) throws Exception {
        BaseRecipe recipe = BaseRecipe.from(run.params());
        Map<String, Double> key = new LinkedHashMap<>();
        for (String method : METHODS) {
            RunContext part = new ScopedRunContext(run, method + "/seed-" + seed, seed);
            EvalResult result = study.run(part, method, "linear");
            // the guard is about extension: only the cells beyond the pre-trained window
            result.pooledByTask(true, cell -> cell.length() > recipe.window()).forEach((task, pooled) -> {
                key.put(method + "/" + task, pooled.accuracy());
                run.metrics().log(new org.creamlab.metric.Metric("regression/accuracy", seed, pooled.accuracy(),
                        Dimensions.task(method + "/" + task)));
            });
        }
        return key;
    }
}
