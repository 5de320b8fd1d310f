package org.creamlab.experiment;

import java.nio.file.Path;

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

    /** Durable metric output. */
    MetricLog metrics();

    /** A folder of this run's own, for checkpoints and files ({@code target/runs/<experiment>/<runId>}). */
    Path workDirectory();

    /**
     * Records a file this run produced (a checkpoint, a plot, a sample dump) with its SHA-256.
     *
     * @param kind e.g. {@code checkpoint}, {@code base-model}, {@code samples}
     */
    void artifact(String kind, Path file);
}
