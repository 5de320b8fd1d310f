package org.creamlab.experiments.ablation;

import jakarta.inject.Inject;
import org.creamlab.experiment.Experiment;
import org.creamlab.experiment.ExperimentBody;
import org.creamlab.experiment.Param;
import org.creamlab.experiment.ParamType;
import org.creamlab.experiment.RunContext;
import org.creamlab.experiment.Seeds;
import org.creamlab.experiments.study.BaseParams;
import org.creamlab.experiments.study.ExtensionStudy;
import org.creamlab.experiments.study.FineTuneParams;

/**
 * Extension factors 2, 4 and 8 for CREAM, and the paper's efficiency claim: CREAM fine-tunes at
 * window N while the full-length baseline fine-tunes at L; each run stores its training throughput
 * ({@code train/tokens_per_s}) and peak memory ({@code train/peak_rss_mib}) next to its accuracy.
 * f = 16 at N = 128 is refused before any compute ({@link org.creamlab.experiments.study.ExtensionPlanCheck}):
 * kv at 2,048 tokens needs about 506 distinct keys and the miniature vocabulary has 256.
 */
@Experiment(name = "factor-sweep", description = "f in {2, 4, 8}; CREAM at window N vs full-length at L: accuracy, time per step, memory")
@BaseParams
@FineTuneParams
@Param(name = "method", values = {"cream", "full"}, allowed = {"none", "cream", "pose", "randpos", "full"})
@Param(name = "factor", values = {"2", "4", "8"}, type = ParamType.INT, min = 2, max = 64,
        description = "f; 16 needs a larger kv vocabulary than the miniature's (refused before compute)")
@Param(name = "scaling", values = "linear", allowed = {"none", "linear", "ntk", "yarn", "yarn-original", "dynamic-ntk"})
@Param(name = "curvePoints", values = "1", type = ParamType.INT, min = 1, max = 100,
        description = "no evaluation inside fine-tuning: train/peak_rss_mib must measure training alone")
@Param(name = "evalSamples", values = "30", type = ParamType.INT, min = 1, max = 10_000)
@Param(name = "gridSamples", values = "5", type = ParamType.INT, min = 1, max = 10_000)
@Seeds(1)
public final class FactorSweepExperiment implements ExperimentBody {

    private final ExtensionStudy study;

    @Inject
    FactorSweepExperiment(ExtensionStudy study) {
        this.study = study;
    }

    @Override
    public void run(RunContext run) throws Exception {
        study.run(run, run.params().get("method"), run.params().get("scaling"));
    }
}
