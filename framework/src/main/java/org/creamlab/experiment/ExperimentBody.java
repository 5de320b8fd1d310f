package org.creamlab.experiment;

/**
 * What an {@link Experiment} class does for one run (one sweep point and one seed).
 *
 * <p>Implementations read their parameters and seed from the context and report every measured
 * number through {@link RunContext#metrics()} as soon as it exists. Throwing fails the run (it is
 * stored as FAILED with the reason); returning normally finishes it.
 */
public interface ExperimentBody {

    void run(RunContext context) throws Exception;
}
