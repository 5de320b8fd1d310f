package org.creamlab.metric;

/** Where a run sends its numbers. Each call is durable when it returns (committed to the store). */
public interface MetricLog {

    void log(Metric metric);

    default void log(String name, long step, double value) {
        log(Metric.at(name, step, value));
    }

    default void log(String name, double value, Dimensions dimensions) {
        log(Metric.of(name, value, dimensions));
    }
}
