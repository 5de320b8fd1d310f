package org.creamlab.train;

import org.creamlab.data.TargetClass;
import org.creamlab.metric.MetricLog;

/**
 * Sends training figures to a run's {@link MetricLog} every {@code every} steps (each committed to
 * the store as it is produced): {@code train/loss} (mean over the window), {@code train/lr},
 * {@code train/grad_norm} and {@code train/tokens_per_s}, all at the window's last step; and, when
 * the batches carry target labels, the mean loss per class over the window's targets of that class
 * ({@code train/loss_answer}, {@code train/loss_copy}, {@code train/loss_filler}; a class with no
 * target in the window is not logged): a flat total loss says nothing about a class that is a few
 * percent of it.
 */
public final class RunMetricsListener {

    private RunMetricsListener() {}

    public static TrainingListener every(int every, MetricLog log) {
        return every(every, log, "train");
    }

    /** The same with another name prefix, e.g. {@code pretrain} when a run pre-trains before it fine-tunes. */
    public static TrainingListener every(int every, MetricLog log, String prefix) {
        return new MetricsListener(every, m -> {
            log.log(prefix + "/loss", m.step(), m.loss());
            log.log(prefix + "/lr", m.step(), m.learningRate());
            log.log(prefix + "/grad_norm", m.step(), m.gradNorm());
            log.log(prefix + "/tokens_per_s", m.step(), m.tokensPerSecond());
            for (TargetClass c : TargetClass.values()) {
                if (c != TargetClass.NONE && m.classLosses().count(c) > 0) {
                    log.log(prefix + "/loss_" + c.label(), m.step(), m.classLosses().mean(c));
                }
            }
        });
    }
}
