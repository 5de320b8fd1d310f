package org.creamlab.eval;

import java.util.List;

/**
 * One model's outcomes on one evaluation set.
 *
 * @param setSeed the evaluation set's seed
 * @param setFingerprint the set's {@link EvalSet#fingerprint()}
 * @param cells per-cell outcomes in grid order
 */
public record EvalResult(long setSeed, long setFingerprint, List<CellResult> cells) {

    public EvalResult {
        cells = List.copyOf(cells);
    }
}
