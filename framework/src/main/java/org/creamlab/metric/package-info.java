/**
 * The metric vocabulary every layer shares: a {@link org.creamlab.metric.Metric} (name, optional
 * step, value, {@link org.creamlab.metric.Dimensions}) and the {@link org.creamlab.metric.MetricLog}
 * it is sent to. It imports nothing of the project's, so the store, training, evaluation and the
 * experiment framework can all use it without depending on each other.
 */
package org.creamlab.metric;
