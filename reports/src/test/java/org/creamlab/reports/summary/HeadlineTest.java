package org.creamlab.reports.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.creamlab.metric.Dimensions;
import org.junit.jupiter.api.Test;

class HeadlineTest {

    @Test
    void countsWinsAndSignificantWinsEachWay() {
        Arm a = new Arm(Map.of("method", "cream"));
        Arm b = new Arm(Map.of("method", "pose"));
        Dimensions l1 = Dimensions.task("lines").withLength(512);
        Dimensions l2 = Dimensions.task("lines").withLength(1024);
        Dimensions k = Dimensions.task("kv").withLength(1024).withPosition(0.5);
        Headline h = Headline.of("CREAM", "PoSE", List.of(
                new PairedDelta(a, b, l1, 0.10, null, 10, 2, 50, 0.01, 0.04, 10),
                new PairedDelta(a, b, l2, 0.20, null, 12, 2, 50, 0.1, 0.2, 10),
                new PairedDelta(a, b, k, -0.05, null, 1, 3, 50, 0.6, 0.6, 10)));
        assertEquals(2, h.aAhead());
        assertEquals(1, h.aSignificant());
        assertEquals(1, h.bAhead());
        assertEquals("Exploratory, per cell: CREAM ahead of PoSE in 2 of 3 cells (1 with q < 0.05, unit-level test,"
                + " Benjamini-Hochberg); PoSE ahead in 1 (0);"
                + " largest CREAM lead +20.0 points at lines 1024; largest PoSE lead +5.0 points at kv 1024 @ pos 50%.",
                h.sentence());
    }
}
