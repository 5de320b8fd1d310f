package org.creamlab.experiment;

import java.util.Collection;

/** An experiment name that no {@link Experiment} class carries. */
public final class UnknownExperimentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownExperimentException(String name, Collection<String> known) {
        super("unknown experiment '" + name + "'; known experiments: " + String.join(", ", known));
    }
}
