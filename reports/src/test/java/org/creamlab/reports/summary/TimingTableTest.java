package org.creamlab.reports.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;
import org.junit.jupiter.api.Test;

/** The compute-time table: a row per arm, and a total row only when there is more than one arm. */
class TimingTableTest {

    private static StudyRun run(long id, String method, double fineTuneSeconds) {
        List<Metric> m = List.of(Metric.of("time/base_s", 0, Dimensions.none()),
                Metric.of("time/fine_tune_s", fineTuneSeconds, Dimensions.none()),
                Metric.of("time/eval_s", 60, Dimensions.none()));
        return new StudyRun(id, Map.of("method", method), id, m);
    }

    @Test
    void severalArmsGetATotalRow() {
        List<StudyRun> runs = List.of(run(1, "cream", 120), run(2, "pose", 240), run(3, "pose", 240));
        TextTable t = PrimaryTables.timing(TimeByPart.of(runs, List.of("method")));
        assertEquals(3, t.rows().size());
        assertEquals(List.of("all", "3", "0.0", "10.0", "3.0", "13.0"), t.rows().get(2));
    }

    @Test
    void oneArmIsItsOwnTotal() {
        List<StudyRun> runs = List.of(run(1, "full", 600), run(2, "full", 540));
        TextTable t = PrimaryTables.timing(TimeByPart.of(runs, List.of()));
        assertEquals(1, t.rows().size(), "no second row repeating the only arm");
        assertEquals(List.of("all runs", "2", "0.0", "19.0", "2.0", "21.0"), t.rows().get(0));
    }
}
