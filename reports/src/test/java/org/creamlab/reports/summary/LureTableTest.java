package org.creamlab.reports.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;
import org.junit.jupiter.api.Test;

/** LongChat-Lines beyond N with and without a lure, pooled over lengths by sample counts, then over runs. */
class LureTableTest {

    private static List<Metric> cell(int length, double samples, double share, double lured, double unlured, double taken) {
        Dimensions d = Dimensions.task("lines").withLength(length);
        return List.of(Metric.of("eval/lure_samples", samples, d), Metric.of("eval/lured_share", share, d),
                Metric.of("eval/tf_exact_match_lured", lured, d), Metric.of("eval/tf_exact_match_unlured", unlured, d),
                Metric.of("eval/lure_taken", taken, d));
    }

    private static StudyRun run(long id, String method, List<Metric> metrics) {
        return new StudyRun(id, Map.of("method", method, "window", "128"), id, metrics);
    }

    @Test
    void poolsTheLengthsBeyondNBySamplesAndAveragesRuns() {
        List<Metric> first = new ArrayList<>();
        first.addAll(cell(64, 50, 0.0, Double.NaN, 1.0, Double.NaN));      // within N: left out
        first.addAll(cell(512, 50, 0.2, 0.5, 1.0, 1.0));                    // 10 lured (5 right, 5 misses all taken), 40 clean right
        first.addAll(cell(1024, 50, 0.6, 0.0, 0.5, 0.5));                   // 30 lured (0 right, 30 misses, 15 taken), 20 clean (10 right)
        List<Metric> second = new ArrayList<>(cell(1024, 50, 0.4, 1.0, 1.0, Double.NaN));
        second.removeIf(m -> m.name().equals("eval/lure_taken"));           // no misses: no lure_taken stored
        LureTable t = LureTable.of(List.of(run(1, "full", first), run(2, "full", second),
                run(3, "cream", List.of(Metric.of("eval/tf_exact_match", 0.5, Dimensions.task("lines").withLength(1024))))),
                List.of("method"));
        assertEquals(1, t.rows().size(), "a run without lure figures is left out");
        LureTable.Row row = t.rows().values().iterator().next();
        // run 1: 40 of 100 lured, 5/40 right with a lure, 50/60 without, 20 of 35 misses took it; run 2: 40, 100, 100, none
        assertEquals((40.0 + 40.0) / 2, row.luredShare(), 1e-9);
        assertEquals((12.5 + 100.0) / 2, row.luredRight(), 1e-9);
        assertEquals((100.0 * 50 / 60 + 100.0) / 2, row.unluredRight(), 1e-9);
        assertEquals(100.0 * 20 / 35, row.lureTaken(), 1e-9, "run 2 had no misses with a lure: the mean is over run 1 only");
        assertEquals(2, row.runs());
        List<TextTable> tables = TextTable.of(t);
        assertEquals(1, tables.get(0).rows().size());
        assertEquals(1 + LureTable.COLUMNS.size(), tables.get(0).header().size());
        assertTrue(tables.get(0).caption().startsWith("LongChat-Lines beyond N"));
        assertEquals("2", tables.get(0).rows().get(0).get(5));
    }
}
