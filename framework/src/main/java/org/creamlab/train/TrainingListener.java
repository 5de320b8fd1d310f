package org.creamlab.train;

import java.nio.file.Path;

/** Callbacks from the {@link Trainer}, on the training thread. Every method defaults to nothing. */
public interface TrainingListener {

    /** Before the first step of this run; {@code startStep} > 0 after a resume. */
    default void onStart(long startStep, long totalSteps) {}

    /** After every optimizer step. */
    default void onStep(StepResult result) {}

    /** After a checkpoint of {@code completedSteps} steps was written to {@code dir}. */
    default void onCheckpoint(long completedSteps, Path dir) {}

    /** After the run ends normally. */
    default void onEnd(TrainingSummary summary) {}

    /**
     * Steps this listener aggregates before it emits (1: each step). A stop on request
     * ({@link Trainer#stopOn}) waits for a step count that is a multiple of every listener's window,
     * so that a resumed run emits the same windows as an uninterrupted one.
     */
    default int window() {
        return 1;
    }
}
