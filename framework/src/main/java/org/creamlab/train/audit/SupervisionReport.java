package org.creamlab.train.audit;

import java.util.Arrays;

/**
 * What a fine-tuning data stream lets a model learn from, per optimizer step (means over the
 * audited steps). A retrieval target (answer or copy) is <em>learnable</em> when its evidence and its
 * own preceding token are both in the sample (see {@link org.creamlab.train.TargetLabels}).
 *
 * @param steps optimizer steps audited
 * @param rowsPerStep rows per step (all micro-batches)
 * @param maskedTargets loss targets per step
 * @param answerTargets answer targets per step
 * @param copyTargets copy targets per step
 * @param fillerTargets filler targets per step
 * @param learnableRetrieval learnable answer and copy targets per step
 * @param learnableShare share of the loss weight on learnable retrieval targets
 *     ({@code learnableRetrieval / maskedTargets}; the loss is a mean over masked targets)
 * @param rowsWithoutTarget share of rows that carry no loss target at all
 * @param distanceBins upper edges of the histogram bins over {@code [0, range)}, in position ids
 * @param distanceCounts learnable retrieval targets per step whose position-id distance from their
 *     evidence falls in each bin
 */
public record SupervisionReport(long steps, double rowsPerStep, double maskedTargets, double answerTargets,
        double copyTargets, double fillerTargets, double learnableRetrieval, double learnableShare,
        double rowsWithoutTarget, int[] distanceBins, double[] distanceCounts) {

    public SupervisionReport {
        distanceBins = distanceBins.clone();
        distanceCounts = distanceCounts.clone();
        if (distanceBins.length != distanceCounts.length) {
            throw new IllegalArgumentException("one count per distance bin");
        }
    }

    /** Answer and copy targets per step, learnable or not. */
    public double retrievalTargets() {
        return answerTargets + copyTargets;
    }

    /** Share of retrieval targets that are learnable (NaN when there are none). */
    public double learnableFraction() {
        double all = retrievalTargets();
        return all == 0 ? Double.NaN : learnableRetrieval / all;
    }

    /** Learnable retrieval targets per step whose distance from their evidence is at least {@code distance}. */
    public double learnableAtLeast(int distance) {
        double n = 0;
        int low = 0;
        for (int i = 0; i < distanceBins.length; i++) {
            if (low >= distance) {
                n += distanceCounts[i];
            }
            low = distanceBins[i];
        }
        return n;
    }

    @Override
    public int[] distanceBins() {
        return distanceBins.clone();
    }

    @Override
    public double[] distanceCounts() {
        return distanceCounts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SupervisionReport r && steps == r.steps && rowsPerStep == r.rowsPerStep
                && maskedTargets == r.maskedTargets && answerTargets == r.answerTargets && copyTargets == r.copyTargets
                && fillerTargets == r.fillerTargets && learnableRetrieval == r.learnableRetrieval
                && learnableShare == r.learnableShare && rowsWithoutTarget == r.rowsWithoutTarget
                && Arrays.equals(distanceBins, r.distanceBins) && Arrays.equals(distanceCounts, r.distanceCounts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(distanceCounts) * 31 + Double.hashCode(learnableRetrieval);
    }
}
