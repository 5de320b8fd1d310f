package org.creamlab.metric;

import java.util.List;
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

    /** {@code name task=.. len=.. pos=.. depth=..}, the dimensions that are set: a readable key. */
    public String label() {
        StringBuilder k = new StringBuilder(name);
        if (dimensions.task() != null) {
            k.append(" task=").append(dimensions.task());
        }
        if (dimensions.length() != null) {
            k.append(" len=").append(dimensions.length());
        }
        if (dimensions.position() != null) {
            k.append(" pos=").append(dimensions.position());
        }
        if (dimensions.depth() != null) {
            k.append(" depth=").append(dimensions.depth());
        }
        return k.toString();
    }

    /** {@code name,step,value,task,length,position,depth}, one line per metric, blanks for nulls. */
    public static String csv(List<Metric> metrics) {
        StringBuilder csv = new StringBuilder("name,step,value,task,length,position,depth\n");
        for (Metric m : metrics) {
            Dimensions d = m.dimensions();
            csv.append(m.name()).append(',').append(text(m.step())).append(',').append(m.value()).append(',')
                    .append(text(d.task())).append(',').append(text(d.length())).append(',')
                    .append(text(d.position())).append(',').append(text(d.depth())).append('\n');
        }
        return csv.toString();
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
