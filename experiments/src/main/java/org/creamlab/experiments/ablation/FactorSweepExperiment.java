package org.creamlab.experiments.ablation;

import jakarta.inject.Inject;
import org.creamlab.config.Settings;
import org.creamlab.engine.EngineService;
import org.creamlab.experiment.Experiment;
import org.creamlab.experiment.ExperimentBody;
import org.creamlab.experiment.Param;
import org.creamlab.experiment.ParamType;
import org.creamlab.experiment.RunContext;
import org.creamlab.experiment.Seeds;
import org.creamlab.experiments.study.BaseModelCache;
import org.creamlab.experiments.study.BaseParams;
import org.creamlab.experiments.study.BaseRecipe;
import org.creamlab.experiments.study.ExtensionRun;
import org.creamlab.experiments.study.StudyData;

/**
 * Extension factors 4, 8 and 16 for CREAM, and the paper's efficiency claim: CREAM fine-tunes at
 * window N while the full-length baseline fine-tunes at L; each run stores its training throughput
 * ({@code train/tokens_per_s}) and peak memory ({@code train/peak_rss_mib}) next to its accuracy.
 */
@Experiment(name = "factor-sweep", description = "f in {4, 8, 16}; CREAM at window N vs full-length at L: accuracy, time per step, memory")
@BaseParams
@Param(name = "method", values = {"cream", "full"}, allowed = {"none", "cream", "pose", "randpos", "full"})
@Param(name = "factor", values = {"4", "8", "16"}, type = ParamType.INT, min = 2, max = 64)
@Param(name = "scaling", values = "linear", allowed = {"none", "linear", "ntk", "yarn", "yarn-original", "dynamic-ntk"})
@Param(name = "steps", values = "400", type = ParamType.INT, min = 1, max = 1_000_000)
@Param(name = "batch", values = "16", type = ParamType.INT, min = 1, max = 4096)
@Param(name = "lr", values = "0.001", type = ParamType.DOUBLE, min = 1e-7, max = 1)
@Param(name = "evalSamples", values = "30", type = ParamType.INT, min = 1, max = 10_000)
@Param(name = "gridSamples", values = "5", type = ParamType.INT, min = 1, max = 10_000)
@Param(name = "greedy", values = "false", type = ParamType.BOOLEAN)
@Seeds(1)
public final class FactorSweepExperiment implements ExperimentBody {

    private final EngineService engine;
    private final Settings settings;

    @Inject
    FactorSweepExperiment(EngineService engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public void run(RunContext run) throws Exception {
        new ExtensionRun(StudyData.miniature(), BaseModelCache.under(settings), engine.device())
                .run(BaseRecipe.from(run.params()), run.params().get("method"), run.params().get("scaling"), run);
    }
}
