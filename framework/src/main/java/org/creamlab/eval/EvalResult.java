package org.creamlab.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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

    /**
     * Per task, the outcomes of all its cells pooled (every length, depth and gold position together), in the
     * order of the cells.
     *
     * @throws IllegalStateException if that scoring was not run on some cell
     */
    public Map<String, PooledAccuracy> pooledByTask(boolean teacherForcedScoring) {
        return pooledByTask(teacherForcedScoring, cell -> true);
    }

    /**
     * As {@link #pooledByTask(boolean)}, over the cells {@code included} accepts only (for instance those
     * beyond the pre-trained window); a task with no such cell is left out.
     */
    public Map<String, PooledAccuracy> pooledByTask(boolean teacherForcedScoring, Predicate<EvalCell> included) {
        Map<String, PooledAccuracy> pooled = new LinkedHashMap<>();
        for (CellResult c : cells) {
            if (included.test(c.cell())) {
                pooled.merge(c.cell().task(), PooledAccuracy.of(c.outcomes(teacherForcedScoring)), PooledAccuracy::plus);
            }
        }
        return Collections.unmodifiableMap(pooled);
    }
}
