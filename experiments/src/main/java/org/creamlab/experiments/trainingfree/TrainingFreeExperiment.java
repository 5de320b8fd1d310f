package org.creamlab.experiments.trainingfree;

import com.google.inject.Inject;
import org.creamlab.experiment.Experiment;
import org.creamlab.experiment.ExperimentBody;
import org.creamlab.experiment.Param;
import org.creamlab.experiment.ParamType;
import org.creamlab.experiment.PrimaryEndpoint;
import org.creamlab.experiment.RunContext;
import org.creamlab.experiment.SeedLimit;
import org.creamlab.experiment.Seeds;
import org.creamlab.experiment.SkipPoint;
import org.creamlab.experiments.study.BaseParams;
import org.creamlab.experiments.study.ExtensionStudy;
import org.creamlab.experiments.study.FineTuneParams;

/**
 * The baselines a reviewer asks for: on the study's bases and evaluation sets, the base extended with
 * no fine-tuning at all, by each training-free method (Self-Extend, ReRoPE, Leaky ReRoPE, STRING,
 * Ms-PoE: inference-time position remappings, RoPE unscaled; settings in {@code TrainingFreeMethods}),
 * and by Linear and YaRN scaling alone ({@code none}), against CREAM and PoSE fine-tuned with Linear
 * and YaRN and full-length fine-tuning (Linear, first seed of each base). The units are the study's
 * (base x seed); a training-free arm is deterministic given the base, and its seeds differ only in the
 * evaluation samples, as every arm's do. Every run also stores its inference cost at L
 * ({@code cost/forward_at_L_s}, {@code cost/forward_peak_mib}) next to its fine-tuning time.
 */
@Experiment(name = "training-free", description = "training-free extension (Self-Extend, ReRoPE, Leaky ReRoPE, STRING, Ms-PoE) against CREAM and PoSE fine-tuned and full-length, with the cost of each")
@BaseParams
@FineTuneParams
@Param(name = "baseSeed", values = {"1", "5", "6", "7", "9"}, type = ParamType.INT,
        description = "seeds of the study's bases (each a replication unit with each seed)")
@Param(name = "method", values = {"none", "self-extend", "rerope", "leaky-rerope", "string", "ms-poe", "cream", "pose", "full"},
        allowed = {"none", "self-extend", "rerope", "leaky-rerope", "string", "ms-poe", "cream", "pose", "full"},
        description = "training-free remapping, scaling alone (none), or fine-tuning positions")
@Param(name = "scaling", values = {"linear", "yarn"}, allowed = {"linear", "yarn"},
        description = "RoPE scaling of the fine-tuned arms and of none (training-free arms run unscaled)")
@Seeds({1, 2})
@SeedLimit(param = "method", value = "full", seeds = 1)
@SkipPoint({"method=self-extend", "scaling=yarn"})
@SkipPoint({"method=rerope", "scaling=yarn"})
@SkipPoint({"method=leaky-rerope", "scaling=yarn"})
@SkipPoint({"method=string", "scaling=yarn"})
@SkipPoint({"method=ms-poe", "scaling=yarn"})
@SkipPoint({"method=full", "scaling=yarn"})
@PrimaryEndpoint(name = "lines beyond N", task = "lines", beyondWindow = true)
@PrimaryEndpoint(name = "kv middle", task = "kv", positions = {0.25, 0.5, 0.75})
@PrimaryEndpoint(name = "needle", task = "needle")
@PrimaryEndpoint(name = "passkey", task = "passkey")
public final class TrainingFreeExperiment implements ExperimentBody {

    private final ExtensionStudy study;

    @Inject
    TrainingFreeExperiment(ExtensionStudy study) {
        this.study = study;
    }

    @Override
    public void run(RunContext run) throws Exception {
        study.run(run, run.params().get("method"), run.params().get("scaling"));
    }
}
