package org.creamlab.reports.summary;

import org.creamlab.eval.stats.Interval;
import org.creamlab.metric.Dimensions;

/**
 * The difference of two arms in one cell: {@code a - b} of the pooled accuracies, and a paired test
 * on the per-sample outcomes ({@code eval/correct}) matched by seed, cell and sample index.
 *
 * @param a the first arm (CREAM in the study)
 * @param b the second arm (PoSE)
 * @param cell the cell
 * @param difference pooled accuracy of {@code a} minus that of {@code b}
 * @param paired the mean paired difference with a paired-bootstrap 95% interval; null without outcomes
 * @param onlyA pairs where only {@code a} was right
 * @param onlyB pairs where only {@code b} was right
 * @param pairs matched pairs (0 when no per-sample outcomes were stored)
 * @param pValue McNemar's exact two-sided p-value; NaN without pairs
 */
public record PairedDelta(Arm a, Arm b, Dimensions cell, double difference, Interval paired, int onlyA, int onlyB,
                          int pairs, double pValue) {

    /** Whether the paired test rejects equality at {@code alpha}. */
    public boolean significant(double alpha) {
        return pairs > 0 && pValue < alpha;
    }
}
