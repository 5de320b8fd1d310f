package org.creamlab.train;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs progress (loss, rate, steps/s, tokens/s, ETA) every {@code every} steps to SLF4J. */
public final class ProgressLogger implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLogger.class);

    private final int every;

    public ProgressLogger(int every) {
        if (every <= 0) {
            throw new IllegalArgumentException("progress interval 'every' must be positive, got " + every);
        }
        this.every = every;
    }

    @Override
    public void onStart(long startStep, long totalSteps) {
        LOG.info("training from step {} to {}", startStep, totalSteps);
    }

    @Override
    public void onStep(StepResult r) {
        if ((r.step() + 1) % every == 0 || r.step() + 1 == r.totalSteps()) {
            LOG.info(String.format("step %d/%d loss %.4f lr %.2e |g| %.3f %.2f steps/s %.0f tok/s eta %s",
                    r.step() + 1, r.totalSteps(), r.loss(), r.learningRate(), r.gradNorm(), r.stepsPerSecond(),
                    r.tokensPerSecond(), eta(r.etaSeconds())));
        }
    }

    @Override
    public void onCheckpoint(long completedSteps, Path dir) {
        LOG.info("checkpoint after {} steps: {}", completedSteps, dir);
    }

    @Override
    public void onEnd(TrainingSummary s) {
        LOG.info(String.format("trained steps %d..%d in %.1f s, final loss %.4f", s.startStep(), s.completedSteps(),
                s.seconds(), s.finalLoss()));
    }

    private static String eta(double seconds) {
        if (Double.isInfinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
