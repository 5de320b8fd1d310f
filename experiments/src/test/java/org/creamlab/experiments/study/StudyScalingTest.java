package org.creamlab.experiments.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.creamlab.experiment.RunParams;
import org.creamlab.rope.LinearScaling;
import org.creamlab.rope.RopeScaling;
import org.junit.jupiter.api.Test;

/** The study's scaling knobs: Linear's fast pairs between Linear and YaRN's kept band. */
class StudyScalingTest {

    private static final int HEAD_DIM = 32;
    private static final double BASE = 10_000;

    /** Rotation angles of position {@code m} for every pair: what a scaling actually does to RoPE. */
    private static double[] angles(RopeScaling scaling, double m) {
        double[] inv = scaling.inverseFrequencies(HEAD_DIM, BASE, 1024);
        double[] a = new double[inv.length];
        for (int j = 0; j < inv.length; j++) {
            a[j] = scaling.scalePosition(m) * inv[j];
        }
        return a;
    }

    private static RunParams params(String fastPairs, String divisor) {
        return new RunParams(Map.of("hidden", "128", "heads", "4", "fastPairs", fastPairs, "fastPairDivisor", divisor));
    }

    @Test
    void noFastPairsIsPlainLinear() {
        RopeScaling scaling = StudyScaling.create("linear", 8, 128, params("0", "1"));
        assertEquals(new LinearScaling(8), scaling);
    }

    @Test
    void fastPairsDividedByTheFactorRotateAsLinear() {
        RopeScaling split = StudyScaling.create("linear", 8, 128, params("3", "8"));
        assertArrayEquals(angles(new LinearScaling(8), 1000), angles(split, 1000), 1e-9);
        assertEquals(1.0, split.attentionFactor());
    }

    @Test
    void onlyTheFastPairsLeaveLinear() {
        double[] linear = angles(new LinearScaling(8), 1000);
        double[] exact = angles(new LinearScaling(1), 1000);
        double[] split = angles(StudyScaling.create("linear", 8, 128, params("1", "1")), 1000);
        assertEquals(exact[0], split[0], 1e-9, "pair 0 kept exact");
        for (int j = 1; j < split.length; j++) {
            assertEquals(linear[j], split[j], 1e-9, "pair " + j + " interpolated as in Linear");
        }
        double[] half = angles(StudyScaling.create("linear", 8, 128, params("2", "2")), 1000);
        assertEquals(exact[0] / 2, half[0], 1e-9);
        assertEquals(exact[1] / 2, half[1], 1e-9);
        assertEquals(linear[2], half[2], 1e-9);
    }

    @Test
    void fastPairsAreRefusedOffLinearOrBeyondTheHead() {
        var yarn = assertThrows(IllegalArgumentException.class,
                () -> StudyScaling.create("yarn-original", 8, 128, params("1", "1")));
        assertEquals("fastPairs (1) applies to the linear scaling only, not to 'yarn-original'", yarn.getMessage());
        var wide = assertThrows(IllegalArgumentException.class,
                () -> StudyScaling.create("linear", 8, 128, params("17", "1")));
        assertTrue(wide.getMessage().startsWith("fastPairs (17) exceeds the 16 frequency pairs"), wide.getMessage());
    }
}
