package org.creamlab.positions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WindowExtensionTest {

    @Test
    void targetLengthIsFactorTimesWindow() {
        assertEquals(32768, new WindowExtension(4096, 8).targetLength());
    }

    @Test
    void rejectsAFactorBelowTwo() {
        var e = assertThrows(IllegalArgumentException.class, () -> new WindowExtension(128, 1));
        assertTrue(e.getMessage().contains("factor f"), e.getMessage());
    }

    @Test
    void rejectsAWindowBelowThree() {
        var e = assertThrows(IllegalArgumentException.class, () -> new WindowExtension(2, 8));
        assertTrue(e.getMessage().contains("window N"), e.getMessage());
    }

    @Test
    void rejectsATargetLengthThatOverflows() {
        var e = assertThrows(IllegalArgumentException.class, () -> new WindowExtension(1 << 20, 1 << 12));
        assertTrue(e.getMessage().contains("target length"), e.getMessage());
    }
}
