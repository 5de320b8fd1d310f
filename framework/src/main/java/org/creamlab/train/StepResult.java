package org.creamlab.train;

/**
 * What one optimizer step produced.
 *
 * @param step the 0-based step just completed
 * @param totalSteps steps in the schedule
 * @param loss mean loss over the step's masked target tokens (all micro-batches)
 * @param learningRate the rate used
 * @param gradNorm the global gradient norm before clipping
 * @param tokens input tokens processed in this step (B * T summed over micro-batches)
 * @param stepSeconds wall time of the step
 * @param elapsedSeconds wall time since this run (or resume) started
 * @param stepsThisRun steps completed since this run (or resume) started
 * @param classLosses the step's summed loss and target count per target class ({@link ClassLosses#NONE}
 *     when its batches carry no labels)
 */
public record StepResult(
        long step,
        long totalSteps,
        double loss,
        double learningRate,
        double gradNorm,
        long tokens,
        double stepSeconds,
        double elapsedSeconds,
        long stepsThisRun,
        ClassLosses classLosses) {

    /** A step without per-class figures. */
    public StepResult(long step, long totalSteps, double loss, double learningRate, double gradNorm, long tokens,
                      double stepSeconds, double elapsedSeconds, long stepsThisRun) {
        this(step, totalSteps, loss, learningRate, gradNorm, tokens, stepSeconds, elapsedSeconds, stepsThisRun,
                ClassLosses.NONE);
    }

    /** Steps per second averaged over this run. */
    public double stepsPerSecond() {
        return elapsedSeconds > 0 ? stepsThisRun / elapsedSeconds : 0;
    }

    /** Tokens per second of this step. */
    public double tokensPerSecond() {
        return stepSeconds > 0 ? tokens / stepSeconds : 0;
    }

    /** Estimated seconds to finish the schedule at this run's average speed. */
    public double etaSeconds() {
        double rate = stepsPerSecond();
        return rate > 0 ? (totalSteps - step - 1) / rate : Double.POSITIVE_INFINITY;
    }
}
