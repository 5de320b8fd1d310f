package org.creamlab.store;

/** Why a run failed, for reports ("categories" in Allure). */
public enum FailureCategory {
    /** The loss became NaN or infinite. */
    DIVERGED("diverged"),
    /** An accuracy fell below its stored baseline. */
    REGRESSION("regression"),
    /** A setting or parameter was rejected. */
    INVALID_CONFIGURATION("invalid-configuration"),
    /** The JVM or the engine ran out of memory. */
    OUT_OF_MEMORY("out-of-memory"),
    /** Anything else: a bug or an environment problem. */
    ERROR("error");

    private final String label;

    FailureCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
