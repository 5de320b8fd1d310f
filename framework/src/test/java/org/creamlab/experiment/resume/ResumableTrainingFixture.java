package org.creamlab.experiment.resume;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;
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
import org.creamlab.train.StepResult;
import org.creamlab.train.Trainer;
import org.creamlab.train.TrainingConfig;
import org.creamlab.train.TrainingListener;

/**
 * A tiny checkpointed training run for the kill-and-resume test: logs the loss of every step,
 * checkpoints every 5 steps into the run's folder, and resumes from the newest checkpoint when the
 * run is a resumed one. The system property {@code fixture.pauseMs} slows each step so the test can
 * kill it mid-way (not a parameter: the resumed command must be the same command).
 */
@Experiment(name = "resume-fixture", description = "checkpointed tiny training (test fixture)")
@Param(name = "steps", values = "40", type = ParamType.INT, min = 1)
public final class ResumableTrainingFixture implements ExperimentBody {

    @Override
    public void run(RunContext run) throws Exception {
        int steps = run.params().getInt("steps");
        long pause = Long.getLong("fixture.pauseMs", 0);
        LlamaConfig config = LlamaConfig.builder().vocabSize(16).hiddenSize(16).layers(1).heads(2).intermediateSize(32)
                .window(9).build();
        TrainingConfig training = TrainingConfig.builder().totalSteps(steps).learningRate(1e-2).dataSeed(run.seed())
                .checkpointDir(run.workDirectory().resolve("checkpoints")).checkpointEvery(5).build();
        BatchSource data = (step, micro, random) -> batch(random);
        TrainingListener slow = new TrainingListener() {
            @Override
            public void onStep(StepResult r) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (NDManager nd = NDManager.newBaseManager();
             LlamaWeights weights = LlamaWeights.initialize(nd, config, run.seed());
             Trainer trainer = new Trainer(weights, new NoScaling(), training, data,
                     List.of(RunMetricsListener.every(1, run.metrics()), slow))) {
            if (run.resumed()) {
                trainer.resumeLatest();
            }
            trainer.run();
        }
    }

    private static Batch batch(SplittableRandom random) {
        int[][] tokens = new int[4][9];
        long[][] positions = new long[4][9];
        for (int b = 0; b < 4; b++) {
            for (int t = 0; t < 9; t++) {
                tokens[b][t] = t < 4 ? 1 + random.nextInt(15) : tokens[b][t - 4 < 0 ? 0 : t - 4];
                positions[b][t] = t;
            }
        }
        return Batch.nextToken(tokens, positions);
    }
}
