package org.creamlab.experiment.cli;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.creamlab.experiment.Experiment;
import org.creamlab.experiment.ExperimentBody;
import org.creamlab.experiment.Param;
import org.creamlab.experiment.ParamType;
import org.creamlab.experiment.RunContext;
import org.creamlab.model.LlamaConfig;
import org.creamlab.model.LlamaWeights;
import org.creamlab.rope.NoScaling;
import org.creamlab.train.Batch;
import org.creamlab.train.BatchSource;
import org.creamlab.train.RunMetricsListener;
import org.creamlab.train.Trainer;
import org.creamlab.train.TrainingConfig;

/**
 * A tiny checkpointed training run for {@link FaultyRunsCliTest}: logs every step's loss, writes a
 * checkpoint every 3 steps into the run's folder, resumes from the newest one when the run is a
 * resumed one, and (test setting {@code nanAt}) makes the loss NaN at that step.
 */
@Experiment(name = "fault-fixture", description = "checkpointed tiny training with an optional NaN (test fixture)")
@Param(name = "steps", values = "10", type = ParamType.INT, min = 1, max = 100)
@Param(name = "nanAt", values = "-1", type = ParamType.INT, min = -1, description = "step whose loss is made NaN, -1 for none")
public final class FaultFixture implements ExperimentBody {

    static final int CHECKPOINT_EVERY = 3;

    @Override
    public void run(RunContext run) throws Exception {
        LlamaConfig config = LlamaConfig.builder().vocabSize(16).hiddenSize(16).layers(1).heads(2).intermediateSize(32)
                .window(9).build();
        TrainingConfig training = TrainingConfig.builder().totalSteps(run.params().getInt("steps")).learningRate(1e-2)
                .dataSeed(run.seed()).checkpointDir(run.workDirectory().resolve("checkpoints"))
                .checkpointEvery(CHECKPOINT_EVERY).injectNanAtStep(run.params().getInt("nanAt")).build();
        BatchSource data = (step, micro, random) -> {
            int[][] tokens = new int[4][9];
            long[][] positions = new long[4][9];
            for (int b = 0; b < 4; b++) {
                for (int t = 0; t < 9; t++) {
                    tokens[b][t] = t < 4 ? 1 + random.nextInt(15) : tokens[b][t - 4];
                    positions[b][t] = t;
                }
            }
            return Batch.nextToken(tokens, positions);
        };
        try (NDManager nd = NDManager.newBaseManager();
             LlamaWeights weights = LlamaWeights.initialize(nd, config, run.seed());
             Trainer trainer = new Trainer(weights, new NoScaling(), training, data,
                     List.of(RunMetricsListener.every(1, run.metrics())))) {
            if (run.resumed()) {
                trainer.resumeLatest();
            }
            trainer.run();
        }
    }
}
