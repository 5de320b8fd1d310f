package org.creamlab.reports.summary;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.creamlab.metric.Metric;

/**
 * One stored run as the summary needs it: its parameters, seed and metrics.
 *
 * @param id the store's run id
 * @param params parameter values by name (the seed is not among them)
 * @param seed the seed
 * @param metrics every metric of the run, in stored order
 */
public record StudyRun(long id, Map<String, String> params, long seed, List<Metric> metrics) {

    public StudyRun {
        params = Map.copyOf(Objects.requireNonNull(params, "params"));
        metrics = List.copyOf(Objects.requireNonNull(metrics, "metrics"));
    }

    /** The value of parameter {@code name}, or {@code fallback} when the run lacks it. */
    public String param(String name, String fallback) {
        return params.getOrDefault(name, fallback);
    }
}
