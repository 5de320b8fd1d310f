package org.creamlab.reports.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommonSettingsTest {

    @Test
    void equalParametersAreShownOnceAndOnlyDifferingOnesVary() {
        List<StudyRun> runs = List.of(
                new StudyRun(1, Map.of("method", "cream", "factor", "8", "steps", "400"), 1, List.of()),
                new StudyRun(2, Map.of("method", "pose", "factor", "8", "steps", "400"), 2, List.of()),
                new StudyRun(3, Map.of("method", "pose", "factor", "8"), 1, List.of()));
        CommonSettings s = CommonSettings.of(runs);
        assertEquals(Map.of("factor", "8"), s.common());
        assertEquals(List.of("method", "steps"), s.varying(), "a parameter missing from a run varies");
        assertEquals(List.of(1L, 2L), s.seeds());
        assertEquals("factor=8", s.headerLine());
    }

    @Test
    void armsAreLabelledWithThePapersNamesAndTwinsDifferOnlyInMethod() {
        Arm cream = new Arm(Map.of("method", "cream", "scaling", "yarn"));
        assertEquals("CREAM, scaling=yarn", cream.label());
        assertEquals(new Arm(Map.of("method", "pose", "scaling", "yarn")), cream.withMethod("pose"));
        assertEquals("all runs", new Arm(Map.of()).label());
    }
}
