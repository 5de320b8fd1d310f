package org.creamlab.experiments.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.creamlab.experiment.RunParams;
import org.junit.jupiter.api.Test;

/** {@code fullSteps} sets the steps of the full-length bound only; 0 (or absent) leaves it at {@code steps}. */
class FineTuneStepsTest {

    @Test
    void fullStepsAppliesToTheFullLengthBoundOnly() {
        RunParams p = new RunParams(Map.of("steps", "1600", "fullSteps", "3200"));
        assertEquals(3200, ExtensionRun.steps(p, "full"));
        assertEquals(1600, ExtensionRun.steps(p, "cream"));
        assertEquals(1600, ExtensionRun.steps(p, "pose"));
    }

    @Test
    void zeroOrAbsentFullStepsMeansSteps() {
        assertEquals(1600, ExtensionRun.steps(new RunParams(Map.of("steps", "1600", "fullSteps", "0")), "full"));
        assertEquals(1600, ExtensionRun.steps(new RunParams(Map.of("steps", "1600")), "full"));
    }
}
