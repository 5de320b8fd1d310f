package org.creamlab.eval;

import org.creamlab.eval.stats.Interval;
import org.creamlab.eval.stats.Wilson;

/**
 * Per-sample outcomes of one cell, in the evaluation set's sample order (so two methods pair up).
 *
 * @param cell the cell
 * @param greedy correctness under greedy decoding and the published scorer, or null if not run
 * @param teacherForced teacher-forced exact match, or null if not run
 */
public record CellResult(EvalCell cell, boolean[] greedy, boolean[] teacherForced) {

    public CellResult {
        greedy = greedy == null ? null : greedy.clone();
        teacherForced = teacherForced == null ? null : teacherForced.clone();
    }

    @Override
    public boolean[] greedy() {
        return greedy == null ? null : greedy.clone();
    }

    @Override
    public boolean[] teacherForced() {
        return teacherForced == null ? null : teacherForced.clone();
    }

    /** Outcomes of one scoring: greedy or teacher-forced. */
    public boolean[] outcomes(boolean teacherForcedScoring) {
        boolean[] o = teacherForcedScoring ? teacherForced : greedy;
        if (o == null) {
            throw new IllegalStateException((teacherForcedScoring ? "teacher-forced" : "greedy") + " scoring was not run");
        }
        return o.clone();
    }

    /** Accuracy with its Wilson 95% interval. */
    public Interval accuracy(boolean teacherForcedScoring) {
        boolean[] o = outcomes(teacherForcedScoring);
        int k = 0;
        for (boolean b : o) {
            k += b ? 1 : 0;
        }
        return Wilson.interval95(k, o.length);
    }
}
