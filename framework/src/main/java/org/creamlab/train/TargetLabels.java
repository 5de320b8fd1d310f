package org.creamlab.train;

import org.creamlab.data.TargetClass;

/**
 * Per target of a {@link Batch}: what it trains and, for answers and copies, where its evidence sits
 * in the row. Target {@code [b][t]} is the prediction of token {@code t + 1} from the tokens up to {@code t}.
 *
 * <p>A retrieval target (answer or copy) is <em>learnable</em> when the row holds both its evidence
 * (at a row index before it) and its own preceding document token right before it: only then can the
 * model learn to retrieve it rather than guess. {@code evidence[b][t]} is that evidence's row index,
 * or -1 when the target is not learnable (or not a retrieval target).
 *
 * @param classes {@code [B][T]} the class of each target; {@code NONE} where the loss mask is off
 * @param evidence {@code [B][T]} row index of the evidence of a learnable retrieval target, else -1
 */
public record TargetLabels(TargetClass[][] classes, int[][] evidence) {

    /** Checks the shape against the batch and that classes agree with the loss mask. */
    void requireShape(int rows, int length, boolean[][] lossMask) {
        if (classes.length != rows || evidence.length != rows) {
            throw new IllegalArgumentException("labels must have " + rows + " rows");
        }
        for (int r = 0; r < rows; r++) {
            if (classes[r].length != length || evidence[r].length != length) {
                throw new IllegalArgumentException("every label row must have length " + length + " (row " + r + ")");
            }
            for (int t = 0; t < length; t++) {
                if (lossMask[r][t] != (classes[r][t] != TargetClass.NONE)) {
                    throw new IllegalArgumentException("target [" + r + "][" + t + "]: loss mask " + lossMask[r][t]
                            + " but class " + classes[r][t]);
                }
                if (evidence[r][t] > t || (evidence[r][t] >= 0 && !classes[r][t].isRetrieval())) {
                    throw new IllegalArgumentException("target [" + r + "][" + t + "]: evidence " + evidence[r][t]
                            + " for a " + classes[r][t] + " target");
                }
            }
        }
    }

    /** Whether target {@code [r][t]} is a retrieval target whose evidence and preceding token are in the row. */
    public boolean learnable(int r, int t) {
        return evidence[r][t] >= 0;
    }
}
