package org.creamlab.experiments.creamvspose;

import jakarta.inject.Inject;
import org.creamlab.experiment.Experiment;
import org.creamlab.experiment.ExperimentBody;
import org.creamlab.experiment.Param;
import org.creamlab.experiment.RunContext;
import org.creamlab.experiment.Seeds;
import org.creamlab.experiments.study.BaseParams;
import org.creamlab.experiments.study.ExtensionStudy;
import org.creamlab.experiments.study.FineTuneParams;

/**
 * The main study: extend the cached base (pre-trained at N) to L = fN with a RoPE scaling, by
 * fine-tuning at window N with CREAM, PoSE or RandPos position ids; against the base with the
 * scaling and no fine-tuning ({@code none}) and a full-length fine-tune at L ({@code full}, the
 * costly upper bound). Same steps, tokens per step, data stream and learning rate for every method;
 * every method of a seed is evaluated on the same evaluation set.
 */
@Experiment(name = "cream-vs-pose", description = "CREAM vs PoSE vs RandPos vs no fine-tuning vs full-length, extending N to fN")
@BaseParams
@FineTuneParams
@Param(name = "method", values = {"none", "cream", "pose", "randpos", "full"},
        allowed = {"none", "cream", "pose", "randpos", "full"}, description = "how positions are chosen while fine-tuning")
@Param(name = "scaling", values = "linear", allowed = {"none", "linear", "ntk", "yarn", "yarn-original", "dynamic-ntk"},
        description = "RoPE scaling, in training and evaluation")
@Seeds({1, 2, 3})
public final class CreamVsPoseExperiment implements ExperimentBody {

    private final ExtensionStudy study;

    @Inject
    CreamVsPoseExperiment(ExtensionStudy study) {
        this.study = study;
    }

    @Override
    public void run(RunContext run) throws Exception {
        study.run(run, run.params().get("method"), run.params().get("scaling"));
    }
}
