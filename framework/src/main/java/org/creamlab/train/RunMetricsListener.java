package org.creamlab.train;

import org.creamlab.experiment.MetricLog;

/**
 * Sends training figures to a run's {@link MetricLog} every {@code every} steps (each committed to
 * the store as it is produced): {@code train/loss} (mean over the window), {@code train/lr},
 * {@code train/grad_norm} and {@code train/tokens_per_s}, all at the window's last step.
 */
public final class RunMetricsListener {

    private RunMetricsListener() {}

    public static TrainingListener every(int every, MetricLog log) {
        return new MetricsListener(every, m -> {
            log.log("train/loss", m.step(), m.loss());
            log.log("train/lr", m.step(), m.learningRate());
            log.log("train/grad_norm", m.step(), m.gradNorm());
            log.log("train/tokens_per_s", m.step(), m.tokensPerSecond());
        });
    }
}
