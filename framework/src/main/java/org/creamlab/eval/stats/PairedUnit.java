package org.creamlab.eval.stats;

import java.util.List;
import java.util.Objects;

/**
 * One unit of replication, a fine-tuned model (base x fine-tuning seed), with both methods'
 * outcomes on the cells of one endpoint. The endpoint is the unweighted mean of the cells.
 *
 * @param base the base it was fine-tuned from (units of one base share its random effect)
 * @param seed the fine-tuning seed
 * @param cells the endpoint's cells, at least one
 */
public record PairedUnit(String base, long seed, List<PairedCell> cells) {

    public PairedUnit {
        Objects.requireNonNull(base, "base");
        cells = List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("unit (base " + base + ", seed " + seed + ") has no cells for the endpoint");
        }
    }

    /** The endpoint difference: the mean over cells of each cell's {@code mean(a) - mean(b)}. */
    public double difference() {
        return cells.stream().mapToDouble(PairedCell::difference).sum() / cells.size();
    }

    /** Its within-model (sample) variance: {@code sum of the cells' sampling variances / cells^2}. */
    public double samplingVariance() {
        return cells.stream().mapToDouble(PairedCell::samplingVariance).sum() / ((double) cells.size() * cells.size());
    }
}
