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

/** CREAM vs PoSE under Linear, NTK and YaRN interpolation: the paper's lost-in-the-middle table (spec 6.2). */
@Experiment(name = "interpolation-ablation", description = "CREAM vs PoSE x Linear / NTK / YaRN (the lost-in-the-middle table)")
@BaseParams
@Param(name = "method", values = {"cream", "pose"}, allowed = {"none", "cream", "pose", "randpos", "full"})
@Param(name = "scaling", values = {"linear", "ntk", "yarn"},
        allowed = {"none", "linear", "ntk", "yarn", "yarn-original", "dynamic-ntk"})
@Param(name = "factor", values = "8", type = ParamType.INT, min = 2, max = 64)
@Param(name = "steps", values = "400", type = ParamType.INT, min = 1, max = 1_000_000)
@Param(name = "batch", values = "16", type = ParamType.INT, min = 1, max = 4096)
@Param(name = "lr", values = "0.001", type = ParamType.DOUBLE, min = 1e-7, max = 1)
@Param(name = "evalSamples", values = "50", type = ParamType.INT, min = 1, max = 10_000)
@Param(name = "gridSamples", values = "10", type = ParamType.INT, min = 1, max = 10_000)
@Param(name = "greedy", values = "false", type = ParamType.BOOLEAN)
@Seeds({1, 2, 3})
public final class InterpolationAblationExperiment implements ExperimentBody {

    private final EngineService engine;
    private final Settings settings;

    @Inject
    InterpolationAblationExperiment(EngineService engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public void run(RunContext run) throws Exception {
        new ExtensionRun(StudyData.miniature(), BaseModelCache.under(settings), engine.device())
                .run(BaseRecipe.from(run.params()), run.params().get("method"), run.params().get("scaling"), run);
    }
}
