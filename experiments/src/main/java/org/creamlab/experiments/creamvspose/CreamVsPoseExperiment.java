package org.creamlab.experiments.creamvspose;

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
 * The main study: extend the cached base (pre-trained at N) to L = fN with a RoPE scaling, by
 * fine-tuning at window N with CREAM, PoSE or RandPos position ids; against the base with the
 * scaling and no fine-tuning ({@code none}) and a full-length fine-tune at L ({@code full}, the
 * costly upper bound). Same steps, tokens per step, data stream and learning rate for every method;
 * every method of a seed is evaluated on the same evaluation set.
 */
@Experiment(name = "cream-vs-pose", description = "CREAM vs PoSE vs RandPos vs no fine-tuning vs full-length, extending N to fN")
@BaseParams
@Param(name = "method", values = {"none", "cream", "pose", "randpos", "full"},
        allowed = {"none", "cream", "pose", "randpos", "full"}, description = "how positions are chosen while fine-tuning")
@Param(name = "factor", values = "8", type = ParamType.INT, min = 2, max = 64, description = "extension factor f (L = fN)")
@Param(name = "scaling", values = "linear", allowed = {"none", "linear", "ntk", "yarn", "yarn-original", "dynamic-ntk"},
        description = "RoPE scaling, in training and evaluation")
@Param(name = "steps", values = "250", type = ParamType.INT, min = 1, max = 1_000_000,
        description = "fine-tuning steps (250 keeps 3 seeds x 5 methods near 30 min at 2 threads; see README)")
@Param(name = "batch", values = "16", type = ParamType.INT, min = 1, max = 4096,
        description = "rows of N tokens per step (full: the same tokens as rows of L)")
@Param(name = "lr", values = "0.001", type = ParamType.DOUBLE, min = 1e-7, max = 1, description = "peak fine-tuning rate (warm-up 10%, linear decay)")
@Param(name = "evalSamples", values = "50", type = ParamType.INT, min = 1, max = 10_000, description = "samples per lines and kv cell")
@Param(name = "gridSamples", values = "10", type = ParamType.INT, min = 1, max = 10_000, description = "samples per needle and passkey cell")
@Param(name = "greedy", values = "false", type = ParamType.BOOLEAN, description = "also decode greedily (slower; teacher-forced always)")
@Seeds({1, 2, 3})
public final class CreamVsPoseExperiment implements ExperimentBody {

    private final EngineService engine;
    private final Settings settings;

    @Inject
    CreamVsPoseExperiment(EngineService engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public void run(RunContext run) throws Exception {
        new ExtensionRun(StudyData.miniature(), BaseModelCache.under(settings), engine.device())
                .run(BaseRecipe.from(run.params()), run.params().get("method"), run.params().get("scaling"), run);
    }
}
