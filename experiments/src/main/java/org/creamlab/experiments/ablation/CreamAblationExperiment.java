package org.creamlab.experiments.ablation;

import jakarta.inject.Inject;
import java.util.Map;
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
import org.creamlab.positions.SchemeSettings;

/**
 * CREAM's own ablations: continuity only, relativity only, a uniform middle instead of the
 * truncated Gaussian, and sigma in {2, 2.5, 3, 3.5, 4} (3 is the default CREAM).
 */
@Experiment(name = "cream-ablation", description = "CREAM: continuity only, relativity only, uniform middle, sigma 2..4")
@BaseParams
@Param(name = "variant", values = {"continuity-only", "relativity-only", "uniform-middle", "sigma-2", "sigma-2.5", "sigma-3",
        "sigma-3.5", "sigma-4"}, allowed = {"continuity-only", "relativity-only", "uniform-middle", "sigma-2", "sigma-2.5",
        "sigma-3", "sigma-3.5", "sigma-4"}, description = "which part of CREAM changes")
@Param(name = "factor", values = "8", type = ParamType.INT, min = 2, max = 64)
@Param(name = "steps", values = "400", type = ParamType.INT, min = 1, max = 1_000_000)
@Param(name = "batch", values = "16", type = ParamType.INT, min = 1, max = 4096)
@Param(name = "lr", values = "0.001", type = ParamType.DOUBLE, min = 1e-7, max = 1)
@Param(name = "evalSamples", values = "50", type = ParamType.INT, min = 1, max = 10_000)
@Param(name = "gridSamples", values = "10", type = ParamType.INT, min = 1, max = 10_000)
@Param(name = "greedy", values = "false", type = ParamType.BOOLEAN)
@Seeds({1, 2, 3})
public final class CreamAblationExperiment implements ExperimentBody {

    private final EngineService engine;
    private final Settings settings;

    @Inject
    CreamAblationExperiment(EngineService engine, Settings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public void run(RunContext run) throws Exception {
        new ExtensionRun(StudyData.miniature(), BaseModelCache.under(settings), engine.device())
                .run(BaseRecipe.from(run.params()), "cream", "linear", settings(run.params().get("variant")), run);
    }

    /** The CREAM settings of one ablation arm (names of the positions package, see docs/positions.md). */
    static SchemeSettings settings(String variant) {
        return SchemeSettings.of(switch (variant) {
            case "continuity-only" -> Map.of("variants", "continuity");
            case "relativity-only" -> Map.of("variants", "relativity");
            case "uniform-middle" -> Map.of("middle", "uniform-r");
            default -> Map.of("sigma", variant.substring("sigma-".length()));
        });
    }
}
