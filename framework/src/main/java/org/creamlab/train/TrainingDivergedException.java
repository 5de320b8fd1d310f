package org.creamlab.train;

import org.creamlab.experiment.ClassifiedFailure;
import org.creamlab.store.FailureCategory;

/** Thrown when a step's loss or gradient norm is NaN or infinite; the last good checkpoint is kept. */
public final class TrainingDivergedException extends RuntimeException implements ClassifiedFailure {

    private final long step;
    private final double loss;

    public TrainingDivergedException(long step, String what, double value) {
        super("training diverged at step " + step + ": " + what + " is " + value
                + "; the last good checkpoint (if any) is kept");
        this.step = step;
        this.loss = value;
    }

    /** Reports file it under "diverged". */
    @Override
    public FailureCategory category() {
        return FailureCategory.DIVERGED;
    }

    /** The 0-based step whose loss or gradient was not finite. */
    public long step() {
        return step;
    }

    /** The offending value. */
    public double value() {
        return loss;
    }
}
