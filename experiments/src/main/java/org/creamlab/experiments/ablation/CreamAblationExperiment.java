package org.creamlab.experiments.ablation;

import jakarta.inject.Inject;
import java.util.Map;
import org.creamlab.experiment.Experiment;
import org.creamlab.experiment.ExperimentBody;
import org.creamlab.experiment.Param;
import org.creamlab.experiment.PlanCheck;
import org.creamlab.experiment.RunContext;
import org.creamlab.experiment.RunParams;
import org.creamlab.experiment.Seeds;
import org.creamlab.experiment.ValidatedBy;
import org.creamlab.experiments.study.BaseParams;
import org.creamlab.experiments.study.ExtensionPlanCheck;
import org.creamlab.experiments.study.ExtensionStudy;
import org.creamlab.experiments.study.FineTuneParams;
import org.creamlab.positions.SchemeSettings;

/**
 * CREAM's own ablations: continuity only, relativity only, a uniform middle instead of the
 * truncated Gaussian, and sigma in {2, 2.5, 3, 3.5, 4} (3 is the default CREAM).
 */
@Experiment(name = "cream-ablation", description = "CREAM: continuity only, relativity only, uniform middle, sigma 2..4")
@BaseParams
@FineTuneParams
@Param(name = "variant", values = {"continuity-only", "relativity-only", "uniform-middle", "k-4f", "k-8", "sigma-2", "sigma-2.5",
        "sigma-3", "sigma-3.5", "sigma-4"}, allowed = {"continuity-only", "relativity-only", "uniform-middle", "k-4f", "k-8",
        "sigma-2", "sigma-2.5", "sigma-3", "sigma-3.5", "sigma-4"},
        description = "which part of CREAM changes (k-4f: the code's continuity length; the default is N/128)")
@Seeds({1, 2, 3})
@ValidatedBy(CreamAblationExperiment.Check.class)
public final class CreamAblationExperiment implements ExperimentBody {

    /** Checks each point with its arm's CREAM settings, before any compute. */
    public static final class Check implements PlanCheck {
        private final ExtensionPlanCheck extension = new ExtensionPlanCheck();

        @Override
        public void check(RunParams p) {
            extension.check(p, settings(p.get("variant")));
        }
    }

    private final ExtensionStudy study;

    @Inject
    CreamAblationExperiment(ExtensionStudy study) {
        this.study = study;
    }

    @Override
    public void run(RunContext run) throws Exception {
        study.run(run, "cream", "linear", settings(run.params().get("variant")));
    }

    /** The CREAM settings of one ablation arm (names of the positions package, see docs/positions.md). */
    static SchemeSettings settings(String variant) {
        return SchemeSettings.of(switch (variant) {
            case "continuity-only" -> Map.of("variants", "continuity");
            case "relativity-only" -> Map.of("variants", "relativity");
            case "uniform-middle" -> Map.of("middle", "uniform-r");
            case "k-4f" -> Map.of("k", "4f");
            case "k-8" -> Map.of("k", "8");
            default -> Map.of("sigma", variant.substring("sigma-".length()));
        });
    }
}
