package org.creamlab.reports.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;
import org.junit.jupiter.api.Test;

/** The summary's accuracy-vs-steps curves and supervision-audit table, from stored metrics. */
class DiagnosticsTest {

    private static final Dimensions LINES_FAR = Dimensions.task("lines").withLength(1024);
    private static final Dimensions LINES_NEAR = Dimensions.task("lines").withLength(64);

    private static StudyRun run(long id, String method, double at400, double fin, double learnable, double... histogram) {
        List<Metric> m = new ArrayList<>();
        m.add(new Metric("curve/tf_exact_match", 400L, at400, LINES_FAR));
        m.add(new Metric("curve/tf_exact_match", 400L, 1.0, LINES_NEAR));   // within N: not part of the endpoint
        m.add(Metric.of("eval/tf_exact_match", fin, LINES_FAR));
        Dimensions d = Dimensions.task(method);
        m.add(Metric.of("audit/learnable_retrieval", learnable, d));
        m.add(Metric.of("audit/learnable_share", 0.25, d));
        for (int i = 0; i < histogram.length; i++) {
            m.add(Metric.of("audit/distance", histogram[i], d.withLength(64 * (i + 1))));
        }
        return new StudyRun(id, Map.of("method", method, "window", "128", "factor", "8", "steps", "800"), id, m);
    }

    @Test
    void curvesAverageTheEndpointCellsPerStepAndEndWithTheFinalEvaluation() {
        List<StudyRun> runs = List.of(run(1, "cream", 0.2, 0.6, 10, 1, 1, 1, 1), run(2, "cream", 0.4, 0.8, 20, 1, 1, 3, 3));
        StepCurves c = StepCurves.of(runs, List.of("method"));
        var lines = c.endpoints().get("LongChat-Lines, mean over lengths > N");
        var cream = lines.values().iterator().next();
        assertEquals(0.3, cream.get(400L), 1e-12, "mean over runs at step 400, cells beyond N only");
        assertEquals(0.7, cream.get(800L), 1e-12, "the final evaluation at the run's steps");
        assertTrue(!c.endpoints().containsKey("kv at L, mean over gold positions"), "no kv cells: no kv curve");
    }

    @Test
    void theFullLengthBoundEndsItsCurveAtItsOwnSteps() {
        StudyRun full = withParams(run(1, "full", 0.2, 0.6, 10, 1), Map.of("fullSteps", "1600"));
        StudyRun cream = withParams(run(2, "cream", 0.2, 0.5, 10, 1), Map.of("fullSteps", "1600"));
        var lines = StepCurves.of(List.of(full, cream), List.of("method")).endpoints()
                .get("LongChat-Lines, mean over lengths > N");
        var curves = lines.values().iterator();
        var first = curves.next();
        var second = curves.next();
        var fullCurve = first.containsKey(1600L) ? first : second;
        var creamCurve = fullCurve == first ? second : first;
        assertEquals(0.6, fullCurve.get(1600L), 1e-12, "full: the final evaluation at fullSteps");
        assertEquals(0.5, creamCurve.get(800L), 1e-12, "other methods: at steps");
        assertTrue(!creamCurve.containsKey(1600L) && !fullCurve.containsKey(800L));
    }

    private static StudyRun withParams(StudyRun r, Map<String, String> extra) {
        Map<String, String> params = new java.util.HashMap<>(r.params());
        params.putAll(extra);
        return new StudyRun(r.id(), params, r.seed(), r.metrics());
    }

    @Test
    void theAuditTableAveragesRunsAndCountsFarDistances() {
        List<StudyRun> runs = List.of(run(1, "cream", 0, 0, 10, 1, 1, 1, 1), run(2, "cream", 0, 0, 20, 1, 1, 3, 3));
        AuditTable t = AuditTable.of(runs, List.of("method"));
        double[] row = t.rows().values().iterator().next();
        int learnable = t.columns().indexOf("learnable answer+copy");
        assertEquals(15, row[learnable], 1e-12);
        assertEquals(25, row[t.columns().indexOf("share of loss on learnable retrieval (%)")], 1e-12);
        // bins [0,64) [64,128) [128,192) [192,256): the last two are >= N = 128; run means 2 and 6
        assertEquals(4, row[t.columns().indexOf("learnable at distance >= N")], 1e-12);
        assertTrue(Double.isNaN(row[t.columns().indexOf("answer")]), "a figure no run stored is NaN");
        List<TextTable> tables = TextTable.of(t);
        assertEquals(1, tables.size());
        assertEquals("CREAM", tables.get(0).rows().get(0).get(0));
        assertEquals("15.0", tables.get(0).rows().get(0).get(1 + learnable));
    }
}
