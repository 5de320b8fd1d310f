package org.creamlab.eval.stats;

/**
 * A point estimate with an interval.
 *
 * @param estimate the point estimate
 * @param low lower bound
 * @param high upper bound
 */
public record Interval(double estimate, double low, double high) {}
