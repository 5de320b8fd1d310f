package org.creamlab.experiment;

import java.util.Objects;

/**
 * One measured number.
 *
 * @param name e.g. {@code train/loss}, {@code eval/accuracy}
 * @param step the training step it belongs to, or null for a final figure
 * @param value the value (finite or not: a NaN loss is stored as measured)
 * @param dimensions where it was measured
 */
public record Metric(String name, Long step, double value, Dimensions dimensions) {

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dimensions, "dimensions");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a metric needs a name");
        }
    }

    public static Metric at(String name, long step, double value) {
        return new Metric(name, step, value, Dimensions.none());
    }

    public static Metric of(String name, double value, Dimensions dimensions) {
        return new Metric(name, null, value, dimensions);
    }
}
