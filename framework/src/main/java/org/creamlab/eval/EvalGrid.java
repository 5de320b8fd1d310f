package org.creamlab.eval;

import java.util.ArrayList;
import java.util.List;
import org.creamlab.data.Placement;
import org.creamlab.data.Tasks;

/**
 * The cells to evaluate: task x length x position/depth.
 *
 * @param cells in evaluation order
 */
public record EvalGrid(List<EvalCell> cells) {

    public EvalGrid {
        cells = List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("an evaluation grid needs at least one cell");
        }
    }

    /**
     * The standard grid: for each task and length, lines with a uniformly chosen line (its protocol),
     * kv at each gold position, needle and passkey at each depth.
     *
     * @param positions gold positions as fractions, e.g. {@code 0, .25, .5, .75, 1}
     * @param depths needle/passkey depths in percent, e.g. {@code 0, 25, 50, 75, 100}
     */
    public static EvalGrid of(List<String> tasks, List<Integer> lengths, List<Double> positions, List<Double> depths) {
        List<EvalCell> cells = new ArrayList<>();
        for (String task : tasks) {
            for (int length : lengths) {
                switch (task) {
                    case Tasks.LINES -> cells.add(new EvalCell(task, length, Placement.uniform()));
                    case Tasks.KV -> positions.forEach(p -> cells.add(new EvalCell(task, length, Placement.position(p))));
                    case Tasks.NEEDLE, Tasks.PASSKEY ->
                        depths.forEach(d -> cells.add(new EvalCell(task, length, Placement.depth(d))));
                    default -> throw new IllegalArgumentException("setting 'tasks': unknown task '" + task
                            + "', known: " + Tasks.ALL);
                }
            }
        }
        return new EvalGrid(cells);
    }
}
