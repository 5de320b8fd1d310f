package org.creamlab.eval;

import org.creamlab.data.Placement;
import org.creamlab.metric.Dimensions;

/**
 * One cell of an evaluation grid: a task at a context length with a gold placement.
 *
 * @param task the task name
 * @param length the target context length in tokens
 * @param placement uniform (lines), a position fraction (kv) or a depth percent (needle, passkey)
 */
public record EvalCell(String task, int length, Placement placement) {

    /** The metric dimensions: task, length, and position (fraction) or depth (percent) when set. */
    public Dimensions dimensions() {
        Dimensions d = Dimensions.task(task).withLength(length);
        if (placement instanceof Placement.Position p) {
            d = d.withPosition(p.fraction());
        } else if (placement instanceof Placement.Depth dp) {
            d = d.withDepth(dp.percent());
        }
        return d;
    }

    /** A stable text key, e.g. {@code kv/512/position=0.25}; seeds the cell's samples. */
    public String key() {
        String where = placement instanceof Placement.Position p ? "position=" + p.fraction()
                : placement instanceof Placement.Depth d ? "depth=" + d.percent() : "uniform";
        return task + "/" + length + "/" + where;
    }
}
