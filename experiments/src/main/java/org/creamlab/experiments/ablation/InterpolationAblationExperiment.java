package org.creamlab.experiments.ablation;

import jakarta.inject.Inject;
import org.creamlab.experiment.Experiment;
import org.creamlab.experiment.ExperimentBody;
import org.creamlab.experiment.Param;
import org.creamlab.experiment.RunContext;
import org.creamlab.experiment.Seeds;
import org.creamlab.experiments.study.BaseParams;
import org.creamlab.experiments.study.ExtensionStudy;
import org.creamlab.experiments.study.FineTuneParams;

/** CREAM vs PoSE under Linear, NTK and YaRN interpolation: the paper's lost-in-the-middle table (spec 6.2). */
@Experiment(name = "interpolation-ablation", description = "CREAM vs PoSE x Linear / NTK / YaRN (the lost-in-the-middle table)")
@BaseParams
@FineTuneParams
@Param(name = "method", values = {"cream", "pose"}, allowed = {"none", "cream", "pose", "randpos", "full"})
@Param(name = "scaling", values = {"linear", "ntk", "yarn"},
        allowed = {"none", "linear", "ntk", "yarn", "yarn-original", "dynamic-ntk"})
@Seeds({1, 2, 3})
public final class InterpolationAblationExperiment implements ExperimentBody {

    private final ExtensionStudy study;

    @Inject
    InterpolationAblationExperiment(ExtensionStudy study) {
        this.study = study;
    }

    @Override
    public void run(RunContext run) throws Exception {
        study.run(run, run.params().get("method"), run.params().get("scaling"));
    }
}
