package org.creamlab.experiment;

/**
 * One run to do: an experiment at one sweep point with one seed.
 *
 * @param experiment the experiment
 * @param params the validated parameter values
 * @param seed the seed
 */
public record RunPlan(ExperimentDescriptor experiment, RunParams params, long seed) {

    /** {@code smoke [steps=40, lr=0.003] seed=1}: the test's display name. */
    public String displayName() {
        String p = params.values().isEmpty() ? "" : " [" + params.canonical() + "]";
        return experiment.name() + p + " seed=" + seed;
    }

    /** A key that is the same for the same experiment, parameters and seed, across runs and machines. */
    public String historyKey() {
        return experiment.name() + "|" + params.canonical() + "|seed=" + seed;
    }
}
