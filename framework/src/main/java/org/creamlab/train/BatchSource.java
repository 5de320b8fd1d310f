package org.creamlab.train;

import java.util.SplittableRandom;

/**
 * Supplies training data. The trainer asks for micro-batch {@code micro} of step {@code step} and
 * hands over a random source derived only from (data seed, step, micro), so the data order is a
 * pure function of the seed and resuming needs nothing else. Sources with their own evolving state
 * (e.g. an adaptive curriculum) expose it through {@link #state()} / {@link #restore(String)}, which
 * the trainer stores in its checkpoints.
 */
public interface BatchSource {

    /**
     * @param step the 0-based optimizer step
     * @param micro the 0-based micro-batch within the step (gradient accumulation)
     * @param random a fresh random source for this (step, micro)
     */
    Batch batch(long step, int micro, SplittableRandom random);

    /** Opaque state to checkpoint; empty for stateless sources. */
    default String state() {
        return "";
    }

    /** Restores what {@link #state()} returned. */
    default void restore(String state) {
        if (state != null && !state.isEmpty()) {
            throw new IllegalStateException(getClass().getName() + " cannot restore non-empty state");
        }
    }

    /** Called after each completed step with its mean loss (curricula may adapt). */
    default void onStepCompleted(long step, double loss) {}
}
