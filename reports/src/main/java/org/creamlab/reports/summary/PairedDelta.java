package org.creamlab.reports.summary;

import org.creamlab.eval.stats.Interval;
import org.creamlab.metric.Dimensions;

/**
 * The difference of two arms in one cell, an exploratory comparison: {@code a - b} of the pooled
 * accuracies, a paired-bootstrap interval and McNemar's counts over the per-sample outcomes
 * ({@code eval/correct}) matched by unit, cell and sample index, and the unit-level test of the study
 * ({@code BaseMeansTest} over the per-unit differences, grouped by base) with its Benjamini-Hochberg
 * q-value over every cell of the experiment.
 *
 * @param a the first arm (CREAM in the study)
 * @param b the second arm (PoSE)
 * @param cell the cell
 * @param difference pooled accuracy of {@code a} minus that of {@code b}
 * @param paired the mean paired difference with a paired-bootstrap 95% interval; null without outcomes
 * @param onlyA pairs where only {@code a} was right
 * @param onlyB pairs where only {@code b} was right
 * @param pairs matched pairs (0 when no per-sample outcomes were stored)
 * @param pValue the unit-level test's two-sided p-value (t over base means; with one base, over the
 *     units); NaN with fewer than 2 units
 * @param qValue the Benjamini-Hochberg q-value of {@code pValue} over the experiment's cells; NaN until set
 * @param units units compared
 */
public record PairedDelta(Arm a, Arm b, Dimensions cell, double difference, Interval paired, int onlyA, int onlyB,
                          int pairs, double pValue, double qValue, int units) {

    /** Whether the unit-level test rejects equality at false-discovery rate {@code alpha} (q-value). */
    public boolean significant(double alpha) {
        return !Double.isNaN(qValue) && qValue < alpha;
    }

    /** This delta with its q-value. */
    public PairedDelta withQValue(double q) {
        return new PairedDelta(a, b, cell, difference, paired, onlyA, onlyB, pairs, pValue, q, units);
    }
}
