package org.creamlab.train.audit;

import org.creamlab.data.TargetClass;
import org.creamlab.train.Batch;
import org.creamlab.train.BatchSource;
import org.creamlab.train.TargetLabels;
import org.creamlab.train.Trainer;

/**
 * The supervision audit: replays a {@link BatchSource} with exactly the random sources the
 * {@link Trainer} would hand it (same data seed, steps and micro-batches) and counts, per step, the
 * loss targets by class, the learnable retrieval targets, the rows with no target, and the
 * position-id distances between evidence and target that are actually trained.
 *
 * <p>Measure this before comparing methods: two position schemes fed the same documents can get
 * very different amounts of learnable retrieval supervision, and a flat total loss hides it.
 */
public final class SupervisionAudit {

    private final int range;
    private final int bins;

    /**
     * @param range the histogram covers distances in {@code [0, range)} (e.g. the target length L);
     *     larger distances go to the last bin
     * @param bins number of equal-width histogram bins, at least 1
     */
    public SupervisionAudit(int range, int bins) {
        if (range < 1 || bins < 1 || bins > range) {
            throw new IllegalArgumentException("setting 'audit': need 1 <= bins <= range, got range " + range
                    + " and " + bins + " bins");
        }
        this.range = range;
        this.bins = bins;
    }

    /**
     * Audits steps {@code 0 .. steps-1}.
     *
     * @throws IllegalArgumentException when the source's batches carry no target labels
     */
    public SupervisionReport audit(BatchSource source, long dataSeed, long steps, int microBatches) {
        if (steps < 1 || microBatches < 1) {
            throw new IllegalArgumentException("setting 'audit': need at least one step and one micro-batch");
        }
        int[] edges = new int[bins];
        for (int i = 0; i < bins; i++) {
            edges[i] = (int) Math.round((double) range * (i + 1) / bins);
        }
        double[] hist = new double[bins];
        long rows = 0;
        long masked = 0;
        long emptyRows = 0;
        long learnable = 0;
        long[] byClass = new long[TargetClass.values().length];
        for (long step = 0; step < steps; step++) {
            for (int micro = 0; micro < microBatches; micro++) {
                Batch b = source.batch(step, micro, Trainer.batchRandom(dataSeed, step, micro));
                TargetLabels labels = b.labels();
                if (labels == null) {
                    throw new IllegalArgumentException("the batch source gives no target labels: nothing to audit");
                }
                for (int r = 0; r < b.batchSize(); r++) {
                    rows++;
                    boolean any = false;
                    for (int t = 0; t < b.length(); t++) {
                        if (!b.lossMask()[r][t]) {
                            continue;
                        }
                        any = true;
                        masked++;
                        byClass[labels.classes()[r][t].ordinal()]++;
                        if (labels.learnable(r, t)) {
                            learnable++;
                            long d = b.positions()[r][t + 1] - b.positions()[r][labels.evidence()[r][t]];
                            hist[bin(d, edges)]++;
                        }
                    }
                    if (!any) {
                        emptyRows++;
                    }
                }
            }
        }
        double n = steps;
        for (int i = 0; i < hist.length; i++) {
            hist[i] /= n;
        }
        return new SupervisionReport(steps, rows / n, masked / n, byClass[TargetClass.ANSWER.ordinal()] / n,
                byClass[TargetClass.COPY.ordinal()] / n, byClass[TargetClass.FILLER.ordinal()] / n, learnable / n,
                masked == 0 ? 0 : (double) learnable / masked, rows == 0 ? 0 : (double) emptyRows / rows, edges, hist);
    }

    private static int bin(long distance, int[] edges) {
        for (int i = 0; i < edges.length; i++) {
            if (distance < edges[i]) {
                return i;
            }
        }
        return edges.length - 1;
    }
}
