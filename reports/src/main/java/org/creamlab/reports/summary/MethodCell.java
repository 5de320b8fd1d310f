package org.creamlab.reports.summary;

import org.creamlab.eval.stats.Interval;
import org.creamlab.metric.Dimensions;

/**
 * One arm's accuracy in one evaluation cell, pooled over its seeds.
 *
 * @param arm the arm
 * @param cell the cell (task, length, position, depth)
 * @param successes pooled correct samples: the sum over seeds of {@code round(accuracy * samples)}
 * @param total pooled samples
 * @param pooled {@code successes / total} with its Wilson 95% interval
 * @param seedMean the mean of the per-seed accuracies with a Student-t 95% interval
 * @param seeds how many seeds contributed
 */
public record MethodCell(Arm arm, Dimensions cell, int successes, int total, Interval pooled, Interval seedMean,
                         int seeds) {}
