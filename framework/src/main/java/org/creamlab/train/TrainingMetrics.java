package org.creamlab.train;

/**
 * Metrics for a window of steps, as a store adapter receives them.
 *
 * @param step the last 0-based step of the window
 * @param loss mean loss over the window's steps
 * @param learningRate the last step's rate
 * @param gradNorm the last step's global gradient norm (before clipping)
 * @param tokensPerSecond tokens over the window divided by the window's wall time
 * @param classLosses the window's summed loss and target count per target class
 *     ({@link ClassLosses#NONE} when the batches carry no labels)
 */
public record TrainingMetrics(long step, double loss, double learningRate, double gradNorm, double tokensPerSecond,
                              ClassLosses classLosses) {}
