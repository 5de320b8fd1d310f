package org.creamlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.creamlab.model.LlamaConfig;
import org.creamlab.model.LlamaModel;
import org.creamlab.model.LlamaWeights;
import org.creamlab.model.Safetensors;
import org.creamlab.rope.RopeScaling;

/**
 * The training loop: for each step, micro-batches from the {@link BatchSource} (random source
 * derived from data seed, step and micro-batch), masked next-token loss averaged over all masked
 * tokens of the step, backward per micro-batch (gradients accumulate), global-norm clipping,
 * {@link AdamW}, listeners, and checkpoints. Each step runs in its own sub-manager and every scalar
 * on the autograd path is an NDArray in it.
 *
 * <p>Resuming from a checkpoint restores weights, optimizer state, step and source state, so a run
 * split at step K continues bit-identically (same thread count, CPU).
 */
public final class Trainer implements AutoCloseable {

    private final LlamaWeights weights;
    private final LlamaModel model;
    private final RopeScaling scaling;
    private final TrainingConfig config;
    private final BatchSource source;
    private final List<TrainingListener> listeners;
    private final NDManager manager;
    private final AdamW optimizer;
    private long completed;
    /** A stop on request waits for a step count that is a multiple of this (the listeners' windows). */
    private final long stopBoundary;
    private org.creamlab.experiment.StopSignal stopSignal = org.creamlab.experiment.StopSignal.never();

    /**
     * @param weights float32 weights to train in place (the trainer marks them as requiring gradients)
     * @param scaling RoPE scaling used in every forward
     */
    public Trainer(LlamaWeights weights, RopeScaling scaling, TrainingConfig config, BatchSource source,
            List<TrainingListener> listeners) {
        for (Map.Entry<String, NDArray> e : weights.arrays().entrySet()) {
            if (e.getValue().getDataType() != DataType.FLOAT32) {
                throw new IllegalArgumentException("training needs float32 weights; " + e.getKey() + " is "
                        + e.getValue().getDataType() + " (convert with LlamaWeights.toType for inference only)");
            }
        }
        this.weights = weights;
        this.model = new LlamaModel(weights);
        this.scaling = scaling;
        this.config = config;
        this.source = source;
        this.listeners = List.copyOf(listeners);
        long boundary = 1;
        for (TrainingListener l : this.listeners) {
            int w = Math.max(1, l.window());
            boundary = boundary / gcd(boundary, w) * w;
        }
        this.stopBoundary = boundary;
        this.manager = weights.manager().getParentManager().newSubManager();
        weights.setRequiresGradient(true);
        this.optimizer = new AdamW(manager, weights.arrays(), config.optimizer(), config.beta1(), config.beta2(),
                config.epsilon(), config.weightDecay());
    }

    /**
     * Stops training once {@code signal} is requested (SIGTERM), at the next step whose count is a
     * multiple of every listener's {@link TrainingListener#window()} (so that aggregated metrics are
     * the same after a resume): a checkpoint is written there (when a folder is configured) and {@link
     * org.creamlab.experiment.RunStoppedException} is thrown, so the run resumes from that step.
     */
    public Trainer stopOn(org.creamlab.experiment.StopSignal signal) {
        this.stopSignal = java.util.Objects.requireNonNull(signal, "signal");
        return this;
    }

    /** Steps completed so far (the 0-based index of the next step). */
    public long completedSteps() {
        return completed;
    }

    /** Resumes from the newest checkpoint in the configured folder; false when there is none. */
    public boolean resumeLatest() throws IOException {
        var latest = TrainingCheckpoint.latest(config.checkpointDir());
        if (latest.isEmpty()) {
            return false;
        }
        resumeFrom(latest.get());
        return true;
    }

    /**
     * Restores weights, optimizer state, step and source state from a checkpoint folder.
     *
     * @throws IllegalStateException if the checkpoint belongs to another model or training configuration
     */
    public void resumeFrom(Path checkpoint) throws IOException {
        TrainingCheckpoint.State state = TrainingCheckpoint.readState(checkpoint);
        if (!state.modelConfigHash().equals(weights.config().hash())) {
            throw new IllegalStateException("checkpoint " + checkpoint + " was written for another model config"
                    + modelConfigDifferences(checkpoint));
        }
        if (!state.trainingHash().equals(config.trainingHashForResume())) {
            throw new IllegalStateException("checkpoint " + checkpoint
                    + " was written with other training settings" + trainingDifferences(checkpoint));
        }
        TrainingCheckpoint.verify(checkpoint);
        Map<String, Safetensors.Tensor> tensors = Safetensors.read(checkpoint.resolve(org.creamlab.model.ModelCheckpoint.WEIGHTS_FILE));
        Map<String, long[]> shapes = new java.util.LinkedHashMap<>();
        tensors.forEach((k, v) -> shapes.put(k, v.shape()));
        LlamaWeights.checkNames(weights.config(), shapes);
        for (Map.Entry<String, NDArray> e : weights.arrays().entrySet()) {
            e.getValue().set(tensors.get(e.getKey()).values());
        }
        optimizer.restore(TrainingCheckpoint.readOptimizer(checkpoint), state.optimizerUpdates());
        source.restore(state.sourceState());
        completed = state.completedSteps();
    }

    /** {@code : hiddenSize 32 in the checkpoint, 16 here, ...}, or a hint when the config cannot be read. */
    private String modelConfigDifferences(Path checkpoint) {
        try {
            LlamaConfig theirs = org.creamlab.model.HfConfig.fromJson(
                    org.creamlab.model.ModelCheckpoint.readJson(checkpoint.resolve(org.creamlab.model.ModelCheckpoint.CONFIG_FILE)));
            LlamaConfig ours = weights.config();
            List<String> diffs = new ArrayList<>();
            for (RecordComponent c : LlamaConfig.class.getRecordComponents()) {
                Object a = c.getAccessor().invoke(theirs);
                Object b = c.getAccessor().invoke(ours);
                if (!a.equals(b)) {
                    diffs.add(c.getName() + " " + a + " in the checkpoint, " + b + " here");
                }
            }
            return diffs.isEmpty() ? " (its config.json matches; trainer_state.json disagrees)" : ": " + String.join(", ", diffs);
        } catch (Exception e) {
            return " (and its config.json cannot be read: " + e.getMessage() + ")";
        }
    }

    /** {@code : dataSeed 3 in the checkpoint, 4 here, ...} when the checkpoint recorded its settings. */
    private String trainingDifferences(Path checkpoint) {
        Map<String, String> theirs;
        try {
            theirs = TrainingCheckpoint.readTrainingSettings(checkpoint);
        } catch (IOException e) {
            theirs = Map.of();
        }
        if (theirs.isEmpty()) {
            return " (schedule, optimizer, data seed ...; this checkpoint does not record which)";
        }
        List<String> diffs = new ArrayList<>();
        for (Map.Entry<String, String> e : config.resumeSettings().entrySet()) {
            String old = theirs.get(e.getKey());
            if (!e.getValue().equals(old)) {
                diffs.add(e.getKey() + " " + old + " in the checkpoint, " + e.getValue() + " here");
            }
        }
        return ": " + String.join(", ", diffs);
    }

    /**
     * Trains from the current step until {@code stopAfterSteps}.
     *
     * @throws TrainingDivergedException when a loss or gradient norm is not finite (no update is
     *     applied and no checkpoint written for that step)
     */
    public TrainingSummary run() throws IOException {
        long start = completed;
        long end = config.stopAfterSteps();
        listeners.forEach(l -> l.onStart(start, config.totalSteps()));
        double[] losses = new double[(int) Math.max(0, end - start)];
        Path lastCheckpoint = null;
        long t0 = System.nanoTime();
        while (completed < end) {
            long stepStart = System.nanoTime();
            long step = completed;
            double lr = config.schedule().rate(step);
            StepOutcome outcome = trainStep(step, lr);
            completed++;
            losses[(int) (step - start)] = outcome.loss();
            source.onStepCompleted(step, outcome.loss());
            long now = System.nanoTime();
            StepResult r = new StepResult(step, config.totalSteps(), outcome.loss(), lr, outcome.gradNorm(),
                    outcome.tokens(), (now - stepStart) / 1e9, (now - t0) / 1e9, completed - start,
                    outcome.classLosses());
            listeners.forEach(l -> l.onStep(r));
            boolean periodic = config.checkpointEvery() > 0 && completed % config.checkpointEvery() == 0;
            if (config.checkpointDir() != null && (periodic || completed == end)) {
                lastCheckpoint = checkpoint(outcome.loss());
            }
            if (stopSignal.requested() && completed < end && completed % stopBoundary == 0) {
                if (config.checkpointDir() != null && !periodic) {
                    lastCheckpoint = checkpoint(outcome.loss());
                }
                throw new org.creamlab.experiment.RunStoppedException(completed,
                        config.checkpointDir() == null ? null : lastCheckpoint);
            }
        }
        TrainingSummary summary = new TrainingSummary(start, completed, losses, lastCheckpoint, (System.nanoTime() - t0) / 1e9);
        listeners.forEach(l -> l.onEnd(summary));
        return summary;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Writes a checkpoint of the current state now and returns its folder. */
    public Path checkpoint(double lastLoss) throws IOException {
        if (config.checkpointDir() == null) {
            throw new IllegalStateException("checkpointDir is not set");
        }
        TrainingCheckpoint.State state = new TrainingCheckpoint.State(completed, optimizer.updates(), config.dataSeed(),
                source.state(), weights.config().hash(), config.trainingHashForResume(), lastLoss);
        Path dir = TrainingCheckpoint.write(config.checkpointDir(), weights, scaling, optimizer, state, config.resumeSettings());
        TrainingCheckpoint.prune(config.checkpointDir(), config.keepCheckpoints());
        listeners.forEach(l -> l.onCheckpoint(completed, dir));
        return dir;
    }

    /** What one optimizer step computed. */
    private record StepOutcome(long tokens, double loss, double gradNorm, ClassLosses classLosses) {}

    private StepOutcome trainStep(long step, double lr) {
        Batch[] batches = new Batch[config.microBatches()];
        long masked = 0;
        long tokens = 0;
        for (int micro = 0; micro < batches.length; micro++) {
            batches[micro] = source.batch(step, micro, batchRandom(config.dataSeed(), step, micro));
            masked += batches[micro].maskedCount();
            tokens += (long) batches[micro].batchSize() * batches[micro].length();
        }
        if (masked == 0) {
            throw new IllegalStateException("step " + step + " has no masked target tokens");
        }
        Map<String, NDArray> params = weights.arrays();
        try (NDManager stepManager = manager.newSubManager()) {
            NDArray scale = stepManager.create((float) (1.0 / masked));
            double loss = 0;
            ClassLosses classLosses = ClassLosses.NONE;
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                for (int micro = 0; micro < batches.length; micro++) {
                    try (NDManager microManager = stepManager.newSubManager()) {
                        LanguageModelLoss.Terms terms = LanguageModelLoss.terms(model, microManager, batches[micro],
                                scaling, scale);
                        NDArray l = terms.loss();
                        if (step == config.injectNanAtStep() && micro == 0) {
                            l = l.add(microManager.create(Float.NaN));
                        }
                        collector.backward(l);
                        loss += l.getFloat();
                        TargetLabels labels = batches[micro].labels();
                        if (labels != null) {
                            classLosses = classLosses.plus(ClassLosses.of(labels, terms.perToken().toFloatArray(),
                                    batches[micro].length()));
                        }
                    }
                }
            }
            if (!Double.isFinite(loss)) {
                zeroGradients(params);
                throw new TrainingDivergedException(step, "loss", loss);
            }
            double norm = globalNorm(stepManager, params);
            if (!Double.isFinite(norm)) {
                zeroGradients(params);
                throw new TrainingDivergedException(step, "gradient norm", norm);
            }
            double clipScale = config.clipNorm() > 0 && norm > config.clipNorm() ? config.clipNorm() / (norm + 1e-6) : 1.0;
            optimizer.step(params, lr, clipScale);
            return new StepOutcome(tokens, loss, norm, classLosses);
        }
    }

    /** sqrt of the sum of squares of every gradient, read to the host once. */
    static double globalNorm(NDManager m, Map<String, NDArray> params) {
        try (NDManager sub = m.newSubManager()) {
            NDArray total = null;
            for (NDArray p : params.values()) {
                NDArray g = p.getGradient();
                g.attach(sub);
                NDArray sq = g.square().sum();
                total = total == null ? sq : total.add(sq);
            }
            return Math.sqrt(total.getFloat());
        }
    }

    private static void zeroGradients(Map<String, NDArray> params) {
        for (NDArray p : params.values()) {
            if (p instanceof PtNDArray pt) {
                JniUtils.zeroGrad(pt);
            }
        }
    }

    /**
     * The random source the trainer hands to its {@link BatchSource} for (data seed, step, micro):
     * replaying a source with it gives exactly the batches a run trained on.
     */
    public static SplittableRandom batchRandom(long dataSeed, long step, int micro) {
        return new SplittableRandom(mix(dataSeed, step, micro));
    }

    /** SplitMix64-style mixing of (seed, step, micro) into a seed. */
    static long mix(long seed, long step, int micro) {
        long z = seed + 0x9E3779B97F4A7C15L * (step + 1) + 0xD1B54A32D192ED03L * (micro + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() {
        manager.close();
    }
}
