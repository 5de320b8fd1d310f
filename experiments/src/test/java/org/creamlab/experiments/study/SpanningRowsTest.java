package org.creamlab.experiments.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpanningRowsTest {

    @Test
    void badSettingsAreRefusedWithTheSettingsName() {
        var share = assertThrows(IllegalArgumentException.class, () -> new SpanningRows(1.5, 1, 1));
        assertTrue(share.getMessage().contains("fullSpanShare"), share.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SpanningRows(Double.NaN, 1, 1));
        var kv = assertThrows(IllegalArgumentException.class, () -> new SpanningRows(0.25, 0, 1));
        assertTrue(kv.getMessage().contains("fullSpanQuestions"), kv.getMessage());
        var lines = assertThrows(IllegalArgumentException.class, () -> new SpanningRows(0.25, 8, 0));
        assertTrue(lines.getMessage().contains("fullSpanLinesQuestions"), lines.getMessage());
    }

    @Test
    void blockedSpanningLinesRecordsShareTheirFirstPieces() {
        StudyData data = StudyData.miniature();
        var lines = data.spanningTasksWithLinesBlocks(8).get(org.creamlab.data.Tasks.LINES);
        String text = data.tokenizer().decode(lines.sample(new java.util.SplittableRandom(2), 1021,
                org.creamlab.data.Placement.uniform()).prompt());
        var m = java.util.regex.Pattern.compile(" is (\\d+)\n").matcher(text);
        java.util.Set<Long> blocks = new java.util.HashSet<>();
        int numbers = 0;
        while (m.find()) {
            blocks.add(Long.parseLong(m.group(1)) / 100);
            numbers++;
        }
        assertTrue(numbers > 100, "a record of about L holds over a hundred lines: " + numbers);
        assertEquals(8, blocks.size(), "8 blocks of 100: 8 first pieces");
        assertEquals(data.tasks().get(org.creamlab.data.Tasks.KV), data.spanningTasksWithLinesBlocks(8).get(org.creamlab.data.Tasks.KV));
    }

    @Test
    void noneSpansNothingAndAsksOnce() {
        assertEquals(new SpanningRows(0, 1, 1), SpanningRows.NONE);
    }
}
