package org.creamlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creamlab.data.Lexicon;
import org.creamlab.data.LongDocumentGenerator;
import org.creamlab.data.TaskGenerators;
import org.creamlab.data.TaskSample;
import org.creamlab.data.TrainingDocument;
import org.creamlab.data.WordTokenizer;
import org.creamlab.eval.stats.Wilson;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;
import org.junit.jupiter.api.Test;

class EvalHarnessTest {

    private static final Lexicon LEXICON = Lexicon.miniature();
    private static final WordTokenizer TOKENIZER = WordTokenizer.forLexicon(LEXICON);
    private static final TaskGenerators TASKS = TaskGenerators.miniature(TOKENIZER, LEXICON);
    private static final EvalGrid GRID = EvalGrid.of(List.of("lines", "kv", "needle", "passkey"), List.of(64, 128),
            List.of(0.0, 1.0), List.of(0.0, 50.0));

    private static List<TaskSample> all(EvalSet set) {
        List<TaskSample> all = new ArrayList<>();
        set.samples().values().forEach(all::addAll);
        return all;
    }

    @Test
    void theSameSeedGivesTheSameSetForEveryMethod() {
        EvalSet a = EvalSet.build(TASKS, GRID, 4, 17);
        EvalSet b = EvalSet.build(TASKS, GRID, 4, 17);
        assertEquals(all(a), all(b));
        assertEquals(a.fingerprint(), b.fingerprint());
        assertNotEquals(a.fingerprint(), EvalSet.build(TASKS, GRID, 4, 18).fingerprint());
        // 2 lengths x (1 lines + 2 kv + 2 needle + 2 passkey) cells
        assertEquals(14, a.samples().size());
        assertEquals(56, a.size());
        // a cell's samples do not depend on the rest of the grid
        EvalGrid one = EvalGrid.of(List.of("kv"), List.of(128), List.of(1.0), List.of());
        EvalCell cell = one.cells().get(0);
        assertEquals(a.samples().get(cell), EvalSet.build(TASKS, one, 4, 17).samples().get(cell));
    }

    @Test
    void cellsAreScoredAndLoggedWithTheirDimensionsAndWilsonBounds() {
        EvalSet set = EvalSet.build(TASKS, GRID, 6, 3);
        // right on samples whose answer text has an even number of characters
        FakeModels.Oracle model = new FakeModels.Oracle(all(set), s -> s.answerText().length() % 2 == 0,
                TOKENIZER.specialTokens().eos());
        List<Metric> metrics = new ArrayList<>();
        long[] clock = {0};
        EvalResult result = new EvalHarness(TOKENIZER, () -> clock[0] += 1_000_000_000L, 5_000_000_000L)
                .run(model, set, EvalOptions.defaults(), metrics::add);
        assertEquals(set.fingerprint(), result.setFingerprint());
        assertEquals(14, result.cells().size());
        for (CellResult r : result.cells()) {
            List<TaskSample> samples = set.samples().get(r.cell());
            int expected = (int) samples.stream().filter(s -> s.answerText().length() % 2 == 0).count();
            assertEquals(expected / 6.0, r.accuracy(false).estimate(), 1e-12, r.cell().key());
            assertEquals(expected / 6.0, r.accuracy(true).estimate(), 1e-12, "teacher-forced agrees");
            Dimensions d = r.cell().dimensions();
            assertEquals(expected / 6.0, value(metrics, "eval/accuracy", d), 1e-12);
            assertEquals(Wilson.interval95(expected, 6).low(), value(metrics, "eval/accuracy_low", d), 1e-12);
            assertEquals(Wilson.interval95(expected, 6).high(), value(metrics, "eval/tf_exact_match_high", d), 1e-12);
            assertEquals(6, value(metrics, "eval/samples", d), 1e-12);
        }
        Dimensions kv = new Dimensions("kv", 128, 1.0, null);
        assertTrue(metrics.stream().anyMatch(m -> m.dimensions().equals(kv)), "kv cells carry their position");
        Dimensions needle = new Dimensions("needle", 64, null, 50.0);
        assertTrue(metrics.stream().anyMatch(m -> m.dimensions().equals(needle)), "needle cells carry their depth");
    }

    private static double value(List<Metric> metrics, String name, Dimensions d) {
        return metrics.stream().filter(m -> m.name().equals(name) && m.dimensions().equals(d)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " at " + d)).value();
    }

    @Test
    void pairedComparisonOfTwoMethodsOnTheSameSet() {
        EvalSet set = EvalSet.build(TASKS, GRID, 5, 9);
        int eos = TOKENIZER.specialTokens().eos();
        EvalOptions tfOnly = new EvalOptions(false, true, 4, 3, "eval");
        EvalHarness harness = new EvalHarness(TOKENIZER);
        EvalResult perfect = harness.run(new FakeModels.Oracle(all(set), s -> true, eos), set, tfOnly, m -> {});
        EvalResult never = harness.run(new FakeModels.Oracle(all(set), s -> false, eos), set, tfOnly, m -> {});
        List<PairedComparison.Comparison> c = PairedComparison.compare(perfect, never, true, 200, 1);
        PairedComparison.Comparison pooled = c.get(c.size() - 1);
        assertEquals(null, pooled.cell());
        assertEquals(70, pooled.onlyA());
        assertEquals(0, pooled.onlyB());
        // McNemar b = 70, c = 0: 2 * 2^-70
        assertEquals(2 * Math.pow(2, -70), pooled.mcnemarP(), 1e-30);
        assertEquals(1.0, pooled.difference().estimate(), 1e-12);
        // per cell b = 5, c = 0: 2 / 32
        assertEquals(2.0 / 32, c.get(0).mcnemarP(), 1e-12);
        EvalResult other = harness.run(new FakeModels.Oracle(all(EvalSet.build(TASKS, GRID, 5, 10)), s -> true, eos),
                EvalSet.build(TASKS, GRID, 5, 10), tfOnly, m -> {});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairedComparison.compare(perfect, other, true, 10, 1));
        assertTrue(e.getMessage().contains("different evaluation sets"));
        assertThrows(IllegalStateException.class, () -> PairedComparison.compare(perfect, never, false, 10, 1));
    }

    @Test
    void aResumedEvaluationTakesCompletedCellsAsTheyAreAndComputesOnlyTheRest() {
        EvalSet set = EvalSet.build(TASKS, GRID, 4, 21);
        int eos = TOKENIZER.specialTokens().eos();
        EvalOptions tfOnly = new EvalOptions(false, true, 4, 2, "eval");
        EvalHarness harness = new EvalHarness(TOKENIZER);
        EvalCell first = set.samples().keySet().iterator().next();
        // the killed run had stored the first cell as all wrong; the model now knows every answer
        CellResult stored = new CellResult(first, null, new boolean[4]);
        int[] calls = {0};
        ScoringModel counting = new ScoringModel() {
            private final ScoringModel oracle = new FakeModels.Oracle(all(set), s -> true, eos);

            @Override
            public List<TargetScores> scoreTargets(List<int[]> prompts, List<int[]> targets) {
                calls[0] += prompts.size();
                return oracle.scoreTargets(prompts, targets);
            }

            @Override
            public int[] greedyDecode(int[] prompt, int maxNewTokens, int stopToken) {
                return oracle.greedyDecode(prompt, maxNewTokens, stopToken);
            }
        };
        List<org.creamlab.metric.Metric> logged = new java.util.ArrayList<>();
        EvalResult result = harness.run(counting, set, tfOnly, logged::add, java.util.Map.of(first, stored));
        assertEquals(set.size() - 4, calls[0], "the completed cell's samples were not scored again");
        assertEquals(0.0, result.cells().get(0).accuracy(true).estimate(), "the stored outcome is kept");
        assertEquals(1.0, result.cells().get(1).accuracy(true).estimate());
        assertTrue(logged.stream().noneMatch(m -> m.dimensions().equals(first.dimensions())), "nothing logged twice");
    }

    @Test
    void perplexityOfAUniformModelIsTheVocabularySize() {
        List<TrainingDocument> docs = LongDocumentGenerator.evenMixture(TOKENIZER, TASKS, 2).heldOut(1, 3, 200);
        List<Metric> metrics = new ArrayList<>();
        int v = TOKENIZER.vocabularySize();
        Map<Integer, Double> ppl = Perplexity.evaluate(new FakeModels.Uniform(v), docs, List.of(64, 128, 190), "eval",
                metrics::add);
        for (double p : ppl.values()) {
            assertEquals(v, p, v * 1e-5);
        }
        assertEquals(3, metrics.size());
        assertEquals(new Dimensions("perplexity", 128, null, null), metrics.get(1).dimensions());
        assertThrows(IllegalArgumentException.class,
                () -> Perplexity.evaluate(new FakeModels.Uniform(v), docs, List.of(5000), "eval", m -> {}));
    }

    @Test
    void progressReportsEveryIntervalWithAnEta() {
        long[] now = {0};
        List<String> lines = new ArrayList<>();
        Progress p = new Progress("evaluation", 100, () -> now[0], 5_000_000_000L, lines::add);
        for (int i = 0; i < 10; i++) {
            now[0] += 1_000_000_000L;
            p.advance(10);
        }
        // reports at 5 s and 10 s (the end): not per step
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("evaluation: 50/100 (50%), 5.0 s elapsed, ETA 5.0 s", lines.get(0));
        assertEquals("evaluation: 100/100 (100%), 10.0 s elapsed, ETA 0.0 s", lines.get(1));
    }
}
