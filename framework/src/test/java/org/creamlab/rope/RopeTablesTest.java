package org.creamlab.rope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class RopeTablesTest {

    private static final int D = 8;

    @Test
    void tablesHaveShapeBTDInRotateHalfLayout() {
        try (NDManager manager = NDManager.newBaseManager()) {
            long[][] positions = {{0, 1, 5}, {2, 3, 400}};
            RopeTables.CosSin tables = RopeTables.build(manager, positions, D, 10_000, new NoScaling());
            assertEquals(new Shape(2, 3, D), tables.cos().getShape());
            assertEquals(new Shape(2, 3, D), tables.sin().getShape());
            float[] cos = tables.cos().toFloatArray();
            float[] sin = tables.sin().toFloatArray();
            double[] inv = RopeScaling.baseInverseFrequencies(D, 10_000);
            for (int row = 0; row < 6; row++) {
                long position = positions[row / 3][row % 3];
                for (int j = 0; j < D / 2; j++) {
                    float expectedCos = (float) Math.cos(position * inv[j]);
                    float expectedSin = (float) Math.sin(position * inv[j]);
                    assertEquals(expectedCos, cos[row * D + j], 1e-6, "cos, row " + row + ", pair " + j);
                    assertEquals(expectedCos, cos[row * D + j + D / 2], 1e-6, "cos repeats in the second half");
                    assertEquals(expectedSin, sin[row * D + j], 1e-6, "sin, row " + row + ", pair " + j);
                    assertEquals(expectedSin, sin[row * D + j + D / 2], 1e-6, "sin repeats in the second half");
                }
            }
        }
    }

    @Test
    void linearAtFourHundredWithFactorFourIsPlainRopeAtOneHundred() {
        try (NDManager manager = NDManager.newBaseManager()) {
            RopeTables.CosSin linear = RopeTables.build(manager, new long[][] {{400}}, D, 10_000, new LinearScaling(4));
            RopeTables.CosSin plain = RopeTables.build(manager, new long[][] {{100}}, D, 10_000, new NoScaling());
            assertArrayEquals(plain.cos().toFloatArray(), linear.cos().toFloatArray(), 1e-6f);
            assertArrayEquals(plain.sin().toFloatArray(), linear.sin().toFloatArray(), 1e-6f);
        }
    }

    @Test
    void yarnScalesBothCosAndSinByMscale() {
        YarnScaling yarn = new YarnScaling(8, 64);
        double mscale = yarn.attentionFactor();
        try (NDManager manager = NDManager.newBaseManager()) {
            RopeTables.CosSin tables = RopeTables.build(manager, new long[][] {{0, 7, 300}}, D, 10_000, yarn);
            float[] cos = tables.cos().toFloatArray();
            float[] sin = tables.sin().toFloatArray();
            assertEquals(mscale, cos[0], 1e-6, "cos at position 0 is mscale");
            assertEquals(0.0, sin[0], 1e-6, "sin at position 0 is 0");
            double[] inv = yarn.inverseFrequencies(D, 10_000, 301);
            for (int i = 0; i < cos.length; i++) {
                assertEquals(mscale * mscale, cos[i] * cos[i] + sin[i] * sin[i], 1e-5, "cos^2 + sin^2 = mscale^2 at " + i);
            }
            assertEquals(mscale * Math.sin(300 * inv[1]), sin[2 * D + 1], 1e-5);
        }
    }
}
