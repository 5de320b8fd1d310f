package org.creamlab.experiments.smoke;

import ai.djl.ndarray.NDManager;
import jakarta.inject.Inject;
import java.util.List;
import java.util.SplittableRandom;
import org.creamlab.engine.EngineService;
import org.creamlab.metric.Dimensions;
import org.creamlab.experiment.Experiment;
import org.creamlab.experiment.ExperimentBody;
import org.creamlab.experiment.Param;
import org.creamlab.experiment.ParamType;
import org.creamlab.experiment.RunContext;
import org.creamlab.experiment.Seeds;
import org.creamlab.model.BatchScorer;
import org.creamlab.model.LlamaConfig;
import org.creamlab.model.LlamaModel;
import org.creamlab.model.LlamaWeights;
import org.creamlab.rope.NoScaling;
import org.creamlab.rope.RopeScaling;
import org.creamlab.train.Batch;
import org.creamlab.train.ProgressLogger;
import org.creamlab.train.RunMetricsListener;
import org.creamlab.train.Trainer;
import org.creamlab.train.TrainingConfig;
import org.creamlab.train.TrainingSummary;

/**
 * The pipeline end to end in well under a minute: trains a tiny Llama-style decoder through DJL on
 * a copy task for a few dozen steps, stores the loss of every step, then measures copy accuracy
 * (teacher-forced argmax) on a held-out batch. The run fails if the loss did not fall, so a broken
 * optimizer or model cannot pass as a smoke success.
 */
@Experiment(name = "smoke", description = "a tiny decoder learns a copy task for a few dozen steps (pipeline check)")
@Param(name = "steps", values = "200", type = ParamType.INT, min = 2, max = 100_000, description = "optimizer steps")
@Param(name = "lr", values = "0.005", type = ParamType.DOUBLE, min = 1e-6, max = 1, description = "peak learning rate")
@Param(name = "hidden", values = "64", type = ParamType.INT, min = 8, max = 4096, description = "hidden size (heads of 16)")
@Param(name = "layers", values = "2", type = ParamType.INT, min = 1, max = 64, description = "decoder layers")
@Seeds(1)
public final class SmokeExperiment implements ExperimentBody {

    private static final int VOCAB = 32;
    private static final int COPY_LENGTH = 12;
    private static final int BATCH = 16;

    private final EngineService engine;

    @Inject
    SmokeExperiment(EngineService engine) {
        this.engine = engine;
    }

    @Override
    public void run(RunContext run) throws Exception {
        int steps = run.params().getInt("steps");
        int hidden = run.params().getInt("hidden");
        LlamaConfig config = LlamaConfig.builder().vocabSize(VOCAB).hiddenSize(hidden).layers(run.params().getInt("layers"))
                .heads(Math.max(1, hidden / 16)).intermediateSize(2 * hidden).window(2 * COPY_LENGTH + 1).build();
        // warm-up steps/10, cosine to 10%; checkpoints so that a killed or stopped run resumes (Slurm tests)
        TrainingConfig training = TrainingConfig.builder().totalSteps(steps).learningRate(run.params().getDouble("lr"))
                .clipNorm(1.0).dataSeed(run.seed()).checkpointDir(run.workDirectory().resolve("checkpoints"))
                .checkpointEvery(Math.max(10, steps / 10)).build();
        RopeScaling scaling = new NoScaling();
        CopyTaskBatches data = new CopyTaskBatches(BATCH, COPY_LENGTH, VOCAB);
        try (NDManager nd = NDManager.newBaseManager(engine.device());
             LlamaWeights weights = LlamaWeights.initialize(nd, config, run.seed())) {
            TrainingSummary summary;
            try (Trainer trainer = new Trainer(weights, scaling, training, data,
                    List.of(new ProgressLogger(20), RunMetricsListener.every(1, run.metrics())))) {
                trainer.stopOn(run.stopSignal());
                if (run.resumed()) {
                    trainer.resumeLatest();
                }
                summary = trainer.run();
            }
            double accuracy = heldOutCopyAccuracy(nd, new LlamaModel(weights), scaling, data, run.seed());
            run.metrics().log("eval/copy_accuracy", accuracy, Dimensions.task("copy").withLength(2 * COPY_LENGTH + 1));
            // the first loss of the whole run: stored before the interruption when this run was resumed
            double first = run.previousMetrics().stream().filter(m -> m.name().equals("train/loss") && m.step() != null)
                    .min(java.util.Comparator.comparingLong(org.creamlab.metric.Metric::step))
                    .map(org.creamlab.metric.Metric::value).orElse(summary.losses().length > 0 ? summary.losses()[0] : Double.NaN);
            double last = summary.finalLoss();
            if (!(last < 0.8 * first)) {
                throw new IllegalStateException("smoke: the loss did not fall (first " + first + ", last " + last + ")");
            }
        }
    }

    /** Fraction of copied tokens predicted right (argmax, teacher-forced) on a batch the training never saw. */
    private static double heldOutCopyAccuracy(NDManager nd, LlamaModel model, RopeScaling scaling, CopyTaskBatches data,
                                              long seed) {
        Batch batch = data.batch(-1, 0, new SplittableRandom(~seed));
        BatchScorer.Scores scores = new BatchScorer(model, scaling, BATCH).score(nd, batch.tokens(), batch.positions());
        long right = 0;
        long total = 0;
        for (int b = 0; b < batch.batchSize(); b++) {
            for (int t = 0; t < batch.length(); t++) {
                if (batch.lossMask()[b][t]) {
                    total++;
                    if (scores.argmax()[b][t] == batch.targets()[b][t]) {
                        right++;
                    }
                }
            }
        }
        return (double) right / total;
    }
}
