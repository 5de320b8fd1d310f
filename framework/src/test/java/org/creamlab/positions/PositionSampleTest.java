package org.creamlab.positions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PositionSampleTest {

    @Test
    void derivesIdsAndTokensFromSegments() {
        PositionSample sample = new PositionSample("x", "x", 50, List.of(
                new Segment("a", 0, 2, 0, 0), new Segment("b", 2, 3, 10, 40)), Map.of("r", 3));
        assertArrayEquals(new int[] {0, 1, 10, 11, 12}, sample.positionIds());
        assertArrayEquals(new int[] {0, 1, 40, 41, 42}, sample.tokenOffsets());
        assertEquals(5, sample.length());
        assertEquals(12, sample.segment("b").lastPositionId());
    }

    @Test
    void rejectsAGapBetweenSegments() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PositionSample("x", "x", 50, List.of(
                new Segment("a", 0, 2, 0, 0), new Segment("b", 3, 3, 10, 0)), Map.of()));
        assertTrue(e.getMessage().contains("tile"), e.getMessage());
    }

    @Test
    void rejectsIdsThatDoNotIncrease() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PositionSample("x", "x", 50, List.of(
                new Segment("a", 0, 2, 0, 0), new Segment("b", 2, 3, 1, 0)), Map.of()));
        assertTrue(e.getMessage().contains("strictly increasing"), e.getMessage());
    }

    @Test
    void rejectsTokensBeyondTheDocument() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PositionSample("x", "x", 4, List.of(
                new Segment("a", 0, 5, 0, 0)), Map.of()));
        assertTrue(e.getMessage().contains("document of length 4"), e.getMessage());
    }
}
