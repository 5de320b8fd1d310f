package org.creamlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.creamlab.data.Placement;
import org.junit.jupiter.api.Test;

class EvalResultTest {

    private static CellResult cell(String task, int length, boolean... teacherForced) {
        return new CellResult(new EvalCell(task, length, Placement.uniform()), null, teacherForced);
    }

    /** Lines at 64 (2 of 3) and 128 (2 of 5) tokens, kv at 64 (0 of 2). */
    private static final EvalResult THREE_CELLS = new EvalResult(1, 2, List.of(
            cell("lines", 64, true, true, false),
            cell("kv", 64, false, false),
            cell("lines", 128, true, false, false, false, true)));

    @Test
    void poolsEveryCellOfATaskAndKeepsTasksApart() {
        Map<String, PooledAccuracy> pooled = THREE_CELLS.pooledByTask(true);

        assertEquals(List.of("lines", "kv"), List.copyOf(pooled.keySet()));
        assertEquals(new PooledAccuracy(4, 8), pooled.get("lines"));
        assertEquals(0.5, pooled.get("lines").accuracy());
        assertEquals(new PooledAccuracy(0, 2), pooled.get("kv"));
    }

    @Test
    void poolsOnlyTheCellsItIsAskedFor() {
        Map<String, PooledAccuracy> beyond = THREE_CELLS.pooledByTask(true, c -> c.length() > 64);

        assertEquals(Map.of("lines", new PooledAccuracy(2, 5)), beyond, "kv has no cell beyond 64 tokens");
    }

    @Test
    void refusesAScoringThatWasNotRun() {
        EvalResult result = new EvalResult(1, 2, List.of(cell("lines", 64, true)));
        assertThrows(IllegalStateException.class, () -> result.pooledByTask(false));
    }

    @Test
    void aTallyIsConsistent() {
        assertThrows(IllegalArgumentException.class, () -> new PooledAccuracy(3, 2));
        assertThrows(IllegalArgumentException.class, () -> new PooledAccuracy(-1, 2));
        assertTrue(Double.isNaN(new PooledAccuracy(0, 0).accuracy()));
        assertEquals(new PooledAccuracy(2, 3), PooledAccuracy.of(new boolean[] {true, false, true}));
    }
}
