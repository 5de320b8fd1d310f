package org.creamlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.creamlab.data.Placement;
import org.creamlab.data.TaskSample;
import org.creamlab.metric.Metric;
import org.junit.jupiter.api.Test;

/** Lures: the answer's first token elsewhere in the prompt, followed by another token than the answer's second. */
class LureTallyTest {

    // a "lines" prompt in tokens: 7 (first piece) followed by 11 at offset 2 (the gold), by 12 at offset 5 (a lure)
    private static final int[] LURED_PROMPT = {1, 9, 7, 11, 9, 7, 12, 9, 8, 13, 3};
    private static final int[] CLEAN_PROMPT = {1, 9, 7, 11, 9, 6, 12, 9, 8, 13, 3};
    private static final int[] ANSWER = {7, 11};

    @Test
    void aLureIsTheFirstTokenElsewhereFollowedByAnotherToken() {
        assertTrue(LureTally.hasLure(LURED_PROMPT, ANSWER, 2));
        assertFalse(LureTally.hasLure(CLEAN_PROMPT, ANSWER, 2));
        assertFalse(LureTally.hasLure(new int[] {7, 11, 0, 7, 11}, ANSWER, 0), "the same number again is no lure");
        assertTrue(LureTally.lureTaken(LURED_PROMPT, ANSWER, 2, 1, 12), "12 follows the other 7");
        assertFalse(LureTally.lureTaken(LURED_PROMPT, ANSWER, 2, 1, 13), "13 follows 8, not 7");
        assertFalse(LureTally.lureTaken(LURED_PROMPT, ANSWER, 2, 0, 12), "a wrong first token takes no lure");
    }

    @Test
    void logsAccuracyWithAndWithoutALureAndHowOftenTheLureWasTaken() {
        EvalCell cell = new EvalCell("lines", 64, Placement.uniform());
        LureTally tally = new LureTally();
        tally.accept(cell, 0, sample(LURED_PROMPT), scores(7, 12));   // lured, lure taken
        tally.accept(cell, 1, sample(LURED_PROMPT), scores(7, 13));   // lured, wrong otherwise
        tally.accept(cell, 2, sample(LURED_PROMPT), scores(7, 11));   // lured, right
        tally.accept(cell, 3, sample(CLEAN_PROMPT), scores(7, 11));   // clean, right
        tally.accept(new EvalCell("kv", 64, Placement.uniform()), 0,
                new TaskSample("kv", LURED_PROMPT, new int[] {7}, "x", 2, 0, 2, null, null), new TargetScores(new float[1], new int[] {5}));
        List<Metric> logged = new ArrayList<>();
        tally.log(logged::add, "eval");
        assertEquals(5, logged.size(), "one-token answers have no lure figures: " + logged);
        assertEquals(4, value(logged, "eval/lure_samples"), 1e-12);
        assertEquals(0.75, value(logged, "eval/lured_share"), 1e-12);
        assertEquals(1.0 / 3, value(logged, "eval/tf_exact_match_lured"), 1e-12);
        assertEquals(1.0, value(logged, "eval/tf_exact_match_unlured"), 1e-12);
        assertEquals(0.5, value(logged, "eval/lure_taken"), 1e-12);
        assertEquals(64, logged.get(0).dimensions().length());
    }

    private static double value(List<Metric> metrics, String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().value();
    }

    private static TaskSample sample(int[] prompt) {
        return new TaskSample("lines", prompt, ANSWER, "7 ##11", 2, 0, 2, null, null);
    }

    private static TargetScores scores(int... argmax) {
        return new TargetScores(new float[argmax.length], argmax);
    }
}
