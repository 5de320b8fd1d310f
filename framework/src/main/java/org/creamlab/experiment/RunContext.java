package org.creamlab.experiment;

import java.nio.file.Path;
import java.util.List;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;
import org.creamlab.metric.MetricLog;

/** What an {@link ExperimentBody} gets for one run. */
public interface RunContext {

    /** The run being done. */
    RunPlan plan();

    /** The run's id in the store. */
    long runId();

    default RunParams params() {
        return plan().params();
    }

    default long seed() {
        return plan().seed();
    }

    /**
     * Durable metric output. In a resumed run, a metric that was stored before the interruption
     * with the same name, step and dimensions is not stored again (the resumed computation
     * reproduces it), so nothing is duplicated.
     */
    MetricLog metrics();

    /** True when this run continues one whose process was killed; checkpoints are in {@link #workDirectory()}. */
    boolean resumed();

    /** Whether a metric with this name, step and dimensions was stored before a resume (lets a resumed run skip done work). */
    boolean hasMetric(String name, Long step, Dimensions dimensions);

    /** The metrics stored before a resume, in storage order; empty for a fresh run. */
    List<Metric> previousMetrics();

    /** A folder of this run's own, for checkpoints and files ({@code target/runs/<experiment>/<runId>}). */
    Path workDirectory();

    /**
     * Set when the run should stop at its next safe point (SIGTERM); hand it to trainers with
     * {@code Trainer.stopOn}. Never requested by default.
     */
    default StopSignal stopSignal() {
        return StopSignal.never();
    }

    /**
     * Records a file this run produced (a checkpoint, a plot, a sample dump) with its SHA-256.
     *
     * @param kind e.g. {@code checkpoint}, {@code base-model}, {@code samples}
     */
    void artifact(String kind, Path file);
}
