package org.creamlab.store;

import org.creamlab.metric.Metric;

/**
 * A metric as read back, with the run it belongs to.
 *
 * @param runId the run
 * @param metric the metric
 */
public record StoredMetric(long runId, Metric metric) {}
