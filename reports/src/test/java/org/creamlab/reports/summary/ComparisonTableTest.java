package org.creamlab.reports.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creamlab.eval.stats.Wilson;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {

    private static final Dimensions LINES_256 = Dimensions.task("lines").withLength(256);
    private static final Dimensions KV_MID = Dimensions.task("kv").withLength(256).withPosition(0.5);

    /** A run whose cell outcomes are exactly {@code outcomes} (1 = right). */
    private static StudyRun run(long id, String method, long seed, Dimensions cell, int... outcomes) {
        List<Metric> m = new ArrayList<>();
        int right = 0;
        for (int i = 0; i < outcomes.length; i++) {
            m.add(new Metric("eval/correct", (long) i, outcomes[i], cell));
            right += outcomes[i];
        }
        m.add(Metric.of("eval/tf_exact_match", right / (double) outcomes.length, cell));
        m.add(Metric.of("eval/samples", outcomes.length, cell));
        return new StudyRun(id, Map.of("method", method, "window", "64"), seed, m);
    }

    @Test
    void poolsSuccessesOverSeedsWithAWilsonInterval() {
        List<StudyRun> runs = List.of(
                run(1, "cream", 1, LINES_256, 1, 1, 1, 0),
                run(2, "cream", 2, LINES_256, 1, 0, 0, 0));
        ComparisonTable t = ComparisonTable.of(runs, List.of("method"), "eval/tf_exact_match", d -> true);
        MethodCell c = t.cell(t.arms().get(0), LINES_256).orElseThrow();
        assertEquals(4, c.successes());
        assertEquals(8, c.total());
        assertEquals(Wilson.interval95(4, 8), c.pooled());
        assertEquals(0.5, c.seedMean().estimate(), 1e-12);
        assertEquals(2, c.seeds());
        assertEquals("CREAM", t.arms().get(0).label());
    }

    @Test
    void creamMinusPoseIsPairedBySeedCellAndIndex() {
        List<StudyRun> runs = List.of(
                run(1, "pose", 1, LINES_256, 0, 0, 1, 1, 0),
                run(2, "cream", 1, LINES_256, 1, 1, 1, 0, 1),
                run(3, "pose", 2, LINES_256, 0, 0, 0),
                run(4, "cream", 2, LINES_256, 1, 1, 0));
        ComparisonTable t = ComparisonTable.of(runs, List.of("method"), "eval/tf_exact_match", d -> true);
        assertEquals(List.of("cream", "pose"), t.arms().stream().map(Arm::method).toList(), "CREAM first");
        List<PairedDelta> deltas = t.deltas("cream", "pose");
        assertEquals(1, deltas.size());
        PairedDelta d = deltas.get(0);
        // seed 1: only-cream at 0, 1, 4; only-pose at 3. seed 2: only-cream at 0, 1.
        assertEquals(5, d.onlyA());
        assertEquals(1, d.onlyB());
        assertEquals(8, d.pairs());
        // the test is over units, not samples: differences 4/5 - 2/5 and 2/3 - 0, one base -> t over the 2 units
        // t = mean / (sd / sqrt 2) = 4.0 with 1 degree of freedom (Cauchy): p = 1 - 2 atan(4) / pi
        assertEquals(1 - 2 * Math.atan(4) / Math.PI, d.pValue(), 1e-9);
        assertEquals(2, d.units());
        assertEquals(6 / 8.0 - 2 / 8.0, d.difference(), 1e-12);
        assertEquals(0.5, d.paired().estimate(), 1e-12);
        assertTrue(d.paired().low() <= 0.5 && d.paired().high() >= 0.5);
    }

    @Test
    void runsOfOneSeedOnDifferentBasesAreDifferentUnitsAndTheTestIsOverBaseMeans() {
        List<StudyRun> runs = new ArrayList<>();
        // bases 1, 4, 5 with seeds 1 and 2; PoSE right on 1 of 4; CREAM's differences per (base, seed) below
        String[] bases = {"1", "4", "5"};
        int[][][] cream = {{{1, 1, 0, 0}, {1, 1, 1, 1}}, {{1, 1, 1, 0}, {1, 1, 1, 0}}, {{1, 0, 0, 0}, {1, 1, 1, 1}}};
        long id = 1;
        for (int b = 0; b < 3; b++) {
            for (int s = 0; s < 2; s++) {
                runs.add(withBase(run(id++, "cream", s + 1, LINES_256, cream[b][s]), bases[b]));
                runs.add(withBase(run(id++, "pose", s + 1, LINES_256, 0, 1, 0, 0), bases[b]));
            }
        }
        ComparisonTable t = ComparisonTable.of(runs, List.of("method"), "eval/tf_exact_match", d -> true);
        assertEquals(6, t.runs(t.arms().get(0)).size(), "six units: seeds 1 and 2 of three bases");
        PairedDelta d = t.deltas("cream", "pose").get(0);
        assertEquals(6, d.units());
        // unit differences (0.25, 0.75), (0.5, 0.5), (0, 0.75): base means 0.5, 0.5, 0.375
        double expected = org.creamlab.eval.stats.BaseMeansTest.ofBaseMeans(new double[] {0.5, 0.5, 0.375}).pValue();
        assertEquals(expected, d.pValue(), 1e-12);
        double overUnits = org.creamlab.eval.stats.BaseMeansTest.ofBaseMeans(new double[] {0.25, 0.75, 0.5, 0.5, 0, 0.75}).pValue();
        assertTrue(Math.abs(expected - overUnits) > 1e-3, "a test over the 6 units would differ: " + expected + " vs " + overUnits);
    }

    private static StudyRun withBase(StudyRun r, String base) {
        Map<String, String> p = new java.util.HashMap<>(r.params());
        p.put("baseSeed", base);
        return new StudyRun(r.id(), p, r.seed(), r.metrics());
    }

    @Test
    void theNewestRunOfASeedCountsAndCellsFilter() {
        List<StudyRun> runs = List.of(
                run(1, "cream", 1, LINES_256, 0, 0),
                run(5, "cream", 1, LINES_256, 1, 1),
                run(6, "cream", 2, KV_MID, 1, 0));
        ComparisonTable t = ComparisonTable.of(runs, List.of("method"), "eval/tf_exact_match", d -> "lines".equals(d.task()));
        assertEquals(List.of(LINES_256), t.cells());
        assertEquals(2, t.cell(t.arms().get(0), LINES_256).orElseThrow().successes());
    }

    @Test
    void withoutOutcomesTheDeltaHasNoTest() {
        StudyRun a = new StudyRun(1, Map.of("method", "cream"), 1, List.of(
                Metric.of("eval/tf_exact_match", 0.8, LINES_256), Metric.of("eval/samples", 10, LINES_256)));
        StudyRun b = new StudyRun(2, Map.of("method", "pose"), 1, List.of(
                Metric.of("eval/tf_exact_match", 0.5, LINES_256), Metric.of("eval/samples", 10, LINES_256)));
        PairedDelta d = ComparisonTable.of(List.of(a, b), List.of("method"), "eval/tf_exact_match", x -> true)
                .deltas("cream", "pose").get(0);
        assertEquals(0.3, d.difference(), 1e-12);
        assertEquals(0, d.pairs());
        assertTrue(Double.isNaN(d.pValue()));
        assertNull(d.paired());
    }
}
