package org.creamlab.train;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Settings of one training run.
 *
 * @param totalSteps optimizer steps in the schedule
 * @param stopAfterSteps stop this run once this many steps are complete (<= totalSteps), e.g. to
 *     split a run for a resume; equal to totalSteps normally
 * @param microBatches micro-batches accumulated per optimizer step
 * @param schedule learning rate per step
 * @param weightDecay decoupled AdamW decay, applied to matrices (not to RMSNorm gains)
 * @param beta1 AdamW beta1
 * @param beta2 AdamW beta2
 * @param epsilon AdamW epsilon (PyTorch semantics: added to the bias-corrected sqrt(v))
 * @param clipNorm global gradient-norm clip, 0 for none
 * @param dataSeed seed of the data order
 * @param checkpointDir where checkpoints go, or null for none
 * @param checkpointEvery write a checkpoint every this many steps (and at the end of the run); 0 for only the end
 * @param keepCheckpoints how many of the newest checkpoints to keep (>= 1)
 * @param optimizer which AdamW implementation to use
 * @param injectNanAtStep test hook: add NaN to the loss at this 0-based step, -1 for never
 */
public record TrainingConfig(
        long totalSteps,
        long stopAfterSteps,
        int microBatches,
        LrSchedule schedule,
        double weightDecay,
        double beta1,
        double beta2,
        double epsilon,
        double clipNorm,
        long dataSeed,
        Path checkpointDir,
        int checkpointEvery,
        int keepCheckpoints,
        AdamW.Mode optimizer,
        long injectNanAtStep) {

    public TrainingConfig {
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("totalSteps must be positive, got " + totalSteps);
        }
        if (stopAfterSteps <= 0 || stopAfterSteps > totalSteps) {
            throw new IllegalArgumentException("stopAfterSteps must be in [1, totalSteps=" + totalSteps + "], got " + stopAfterSteps);
        }
        if (microBatches <= 0) {
            throw new IllegalArgumentException("microBatches must be positive, got " + microBatches);
        }
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must be set");
        }
        if (!(weightDecay >= 0) || weightDecay >= 1) {
            throw new IllegalArgumentException("weightDecay must be in [0, 1), got " + weightDecay);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta1 and beta2 must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        }
        if (!(clipNorm >= 0)) {
            throw new IllegalArgumentException("clipNorm must be >= 0 (0 disables clipping), got " + clipNorm);
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpointEvery must be >= 0, got " + checkpointEvery);
        }
        if (keepCheckpoints < 1) {
            throw new IllegalArgumentException("keepCheckpoints must be >= 1, got " + keepCheckpoints);
        }
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must be set (NATIVE or EXPLICIT)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The settings that change the trajectory, by name (not the stop point, paths or NaN hook): what
     * {@link #trainingHashForResume()} covers, recorded in checkpoints so a mismatch can be named.
     */
    public java.util.Map<String, String> resumeSettings() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("totalSteps", Long.toString(totalSteps));
        m.put("microBatches", Integer.toString(microBatches));
        m.put("schedule", String.valueOf(schedule));
        m.put("weightDecay", Double.toString(weightDecay));
        m.put("beta1", Double.toString(beta1));
        m.put("beta2", Double.toString(beta2));
        m.put("epsilon", Double.toString(epsilon));
        m.put("clipNorm", Double.toString(clipNorm));
        m.put("dataSeed", Long.toString(dataSeed));
        m.put("optimizer", String.valueOf(optimizer));
        return m;
    }

    /** SHA-256 of {@link #resumeSettings()} (the values joined with {@code |}). */
    public String trainingHashForResume() {
        String key = String.join("|", resumeSettings().values());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builder with the miniature-study defaults (AdamW 2e-3, betas 0.9/0.95, clip 1, warm-up + cosine). */
    public static final class Builder {
        private long totalSteps = 1000;
        private Long stopAfterSteps;
        private int microBatches = 1;
        private LrSchedule schedule;
        private double learningRate = 2e-3;
        private double weightDecay;
        private double beta1 = 0.9;
        private double beta2 = 0.95;
        private double epsilon = 1e-8;
        private double clipNorm = 1.0;
        private long dataSeed;
        private Path checkpointDir;
        private int checkpointEvery;
        private int keepCheckpoints = 2;
        private AdamW.Mode optimizer = AdamW.Mode.NATIVE;
        private long injectNanAtStep = -1;

        private Builder() {}

        public Builder totalSteps(long v) { totalSteps = v; return this; }
        public Builder stopAfterSteps(long v) { stopAfterSteps = v; return this; }
        public Builder microBatches(int v) { microBatches = v; return this; }
        /** An explicit schedule; without one, warm-up of min(100, steps/10) then cosine to 10% of {@link #learningRate}. */
        public Builder schedule(LrSchedule v) { schedule = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder weightDecay(double v) { weightDecay = v; return this; }
        public Builder betas(double b1, double b2) { beta1 = b1; beta2 = b2; return this; }
        public Builder epsilon(double v) { epsilon = v; return this; }
        public Builder clipNorm(double v) { clipNorm = v; return this; }
        public Builder dataSeed(long v) { dataSeed = v; return this; }
        public Builder checkpointDir(Path v) { checkpointDir = v; return this; }
        public Builder checkpointEvery(int v) { checkpointEvery = v; return this; }
        public Builder keepCheckpoints(int v) { keepCheckpoints = v; return this; }
        public Builder optimizer(AdamW.Mode v) { optimizer = v; return this; }
        public Builder injectNanAtStep(long v) { injectNanAtStep = v; return this; }

        public TrainingConfig build() {
            LrSchedule s = schedule != null ? schedule
                    : LrSchedule.cosine(learningRate, Math.min(100, totalSteps / 10), Math.max(1, totalSteps), 0.1);
            return new TrainingConfig(totalSteps, stopAfterSteps == null ? totalSteps : stopAfterSteps, microBatches, s,
                    weightDecay, beta1, beta2, epsilon, clipNorm, dataSeed, checkpointDir, checkpointEvery,
                    keepCheckpoints, optimizer, injectNanAtStep);
        }
    }
}
