package org.creamlab.train;

import java.nio.file.Path;

/**
 * The outcome of {@link Trainer#run()}.
 *
 * @param startStep the step this run started at (0, or the resumed step)
 * @param completedSteps steps completed in total (the next step to run)
 * @param losses the loss of every step of this run, in order
 * @param lastCheckpoint the last checkpoint written, or null
 * @param seconds wall time of the run
 */
public record TrainingSummary(long startStep, long completedSteps, double[] losses, Path lastCheckpoint, double seconds) {

    /** The last step's loss, NaN when no step ran. */
    public double finalLoss() {
        return losses.length == 0 ? Double.NaN : losses[losses.length - 1];
    }
}
