package org.creamlab.experiment;

/**
 * Checks one run's parameters beyond what their declarations say (e.g. that two values fit each
 * other), before the session computes anything. Named on an experiment class by {@link ValidatedBy};
 * built with its no-argument constructor, so it must not need services.
 */
public interface PlanCheck {

    /**
     * @throws IllegalArgumentException naming the setting when the run cannot work as configured
     */
    void check(RunParams params);
}
