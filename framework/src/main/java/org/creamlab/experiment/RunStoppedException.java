package org.creamlab.experiment;

import java.nio.file.Path;

/**
 * A run stopped on request ({@link StopSignal}, e.g. SIGTERM) at a safe point, with its state in a
 * checkpoint: not a failure. The runner leaves the run RUNNING and releases it, so the next task that
 * runs the same point resumes it from {@link #checkpoint()}.
 */
public final class RunStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long completedSteps;
    private final transient Path checkpoint;

    /**
     * @param completedSteps training steps done
     * @param checkpoint the checkpoint written at the stop, or null when the work has none
     */
    public RunStoppedException(long completedSteps, Path checkpoint) {
        super("stopped on request after " + completedSteps + " steps"
                + (checkpoint == null ? "" : "; checkpoint " + checkpoint));
        this.completedSteps = completedSteps;
        this.checkpoint = checkpoint;
    }

    /** Training steps completed before the stop. */
    public long completedSteps() {
        return completedSteps;
    }

    /** The checkpoint written at the stop, or null. */
    public Path checkpoint() {
        return checkpoint;
    }
}
