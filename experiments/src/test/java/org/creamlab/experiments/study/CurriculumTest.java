package org.creamlab.experiments.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.creamlab.data.Tasks;
import org.creamlab.data.TaskSample;
import org.junit.jupiter.api.Test;

class CurriculumTest {

    private static final StudyData DATA = StudyData.miniature();
    private static final int WINDOW = 128;

    private static Curriculum curriculum() {
        Map<String, Integer> minimum = new LinkedHashMap<>();
        Map<String, Integer> perItem = new LinkedHashMap<>();
        minimum.put(Tasks.LINES, DATA.tasks().get(Tasks.LINES).minimumLength());
        minimum.put(Tasks.KV, DATA.tasks().get(Tasks.KV).minimumLength());
        perItem.put(Tasks.LINES, 8);
        perItem.put(Tasks.KV, 4);
        return new Curriculum(minimum, perItem, WINDOW);
    }

    @Test
    void levelsHoldExactlyTheirItemCountSoNoLevelPassesAtChance() {
        Curriculum c = curriculum();
        SplittableRandom rng = new SplittableRandom(5);
        for (int expected : new int[] {2, 4, 8, 16}) {
            assertEquals(expected, c.items(Tasks.KV));
            assertEquals(expected, c.items(Tasks.LINES));
            for (int i = 0; i < 20; i++) {
                assertEquals(expected, PretrainDocuments.curriculumSample(DATA, c, Tasks.KV, rng).items());
                TaskSample lines = PretrainDocuments.curriculumSample(DATA, c, Tasks.LINES, rng);
                assertTrue(lines.prompt().length + StudyData.MAX_ANSWER_TOKENS + 1 <= WINDOW, lines.toString());
                if (expected <= 8) {
                    assertEquals(expected, lines.items(), "lines at level " + expected);
                } else {
                    // 16 lines do not fit 128 tokens: as many as fit, more than the level below
                    assertTrue(lines.items() > 8 && lines.items() < expected, lines.items() + " lines");
                }
            }
            c.advance(Tasks.KV);
            c.advance(Tasks.LINES);
        }
        assertTrue(c.finished(Tasks.KV));
        assertEquals(0, c.items(Tasks.KV));
    }

    @Test
    void linesAtTheFirstLevelHaveExactlyTwoLines() {
        Curriculum c = curriculum();
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < 50; i++) {
            assertEquals(2, PretrainDocuments.curriculumSample(DATA, c, Tasks.LINES, rng).items());
        }
    }

    @Test
    void stateRoundTripsTheCopyPhaseAndTheLevels() {
        Curriculum c = curriculum();
        assertEquals("copy=0,lines=0,kv=0", c.state());
        c.markCopyLearned();
        c.advance(Tasks.KV);
        c.advance(Tasks.KV);
        c.advance(Tasks.LINES);
        Curriculum restored = curriculum();
        assertFalse(restored.copyLearned());
        restored.restore(c.state());
        assertTrue(restored.copyLearned());
        assertEquals(2, restored.level(Tasks.KV));
        assertEquals(1, restored.level(Tasks.LINES));
        assertEquals(c.state(), restored.state());
    }

    @Test
    void aStateOfOtherTasksIsRefused() {
        var e = assertThrows(IllegalStateException.class, () -> curriculum().restore("copy=1,needle=2"));
        assertTrue(e.getMessage().contains("needle=2"), e.getMessage());
    }
}
