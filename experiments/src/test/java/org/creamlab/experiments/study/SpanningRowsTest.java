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
    void noneSpansNothingAndAsksOnce() {
        assertEquals(new SpanningRows(0, 1, 1), SpanningRows.NONE);
    }
}
