package org.creamlab.eval.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Why the fine-tuned model, not the sample, is the unit of replication: a simulation of studies in
 * which two methods are identical, but every fine-tuned model has its own random effect (run-to-run
 * variance, as between bases and seeds). A test over units (sign-flip, one difference per base x seed)
 * keeps its 5% level; McNemar over the pooled samples of all models treats the model-to-model
 * variance as sample noise and rejects far more often.
 */
class UnitOfReplicationSimulationTest {

    private static final int STUDIES = 1000;
    private static final int BASES = 5;
    private static final int SEEDS = 2;
    private static final int SAMPLES = 50;
    private static final double BASE_SD = 0.10;
    private static final double MODEL_SD = 0.10;

    @Test
    void underTheNullTheUnitLevelTestKeepsItsLevelAndPooledMcNemarDoesNot() {
        SplittableRandom rng = new SplittableRandom(20261204);
        int unitRejections = 0;
        int pooledRejections = 0;
        for (int study = 0; study < STUDIES; study++) {
            double[] differences = new double[BASES * SEEDS];
            int onlyA = 0;
            int onlyB = 0;
            int u = 0;
            for (int base = 0; base < BASES; base++) {
                double baseEffect = BASE_SD * rng.nextGaussian();
                for (int seed = 0; seed < SEEDS; seed++, u++) {
                    double pA = clamp(0.6 + baseEffect + MODEL_SD * rng.nextGaussian());
                    double pB = clamp(0.6 + baseEffect + MODEL_SD * rng.nextGaussian());
                    int rightA = 0;
                    int rightB = 0;
                    for (int s = 0; s < SAMPLES; s++) {
                        boolean a = rng.nextDouble() < pA;
                        boolean b = rng.nextDouble() < pB;
                        rightA += a ? 1 : 0;
                        rightB += b ? 1 : 0;
                        onlyA += a && !b ? 1 : 0;
                        onlyB += b && !a ? 1 : 0;
                    }
                    differences[u] = (rightA - rightB) / (double) SAMPLES;
                }
            }
            unitRejections += SignFlipTest.pValue(differences, 1, rng) < 0.05 ? 1 : 0;
            pooledRejections += McNemar.exactPValue(onlyA, onlyB) < 0.05 ? 1 : 0;
        }
        double unitRate = (double) unitRejections / STUDIES;
        double pooledRate = (double) pooledRejections / STUDIES;
        System.out.printf("%d null studies of %d bases x %d seeds: unit-level sign-flip rejects %.3f, pooled McNemar %.3f%n",
                STUDIES, BASES, SEEDS, unitRate, pooledRate);
        // 0.05 plus two binomial standard errors of a 1,000-study rate (0.0069)
        assertTrue(unitRate <= 0.064, "unit-level type-I error " + unitRate);
        assertTrue(pooledRate >= 0.15, "pooled McNemar type-I error " + pooledRate + " should be far above 5%");
    }

    @Test
    void signFlipIsExactForSmallDesigns() {
        // 3 units all positive: only the all-positive and all-negative patterns reach |mean|: 2 / 8
        assertEquals(0.25, SignFlipTest.pValue(new double[] {0.1, 0.2, 0.3}, 1, new SplittableRandom(1)), 1e-12);
        assertEquals(1.0, SignFlipTest.pValue(new double[] {0, 0}, 1, new SplittableRandom(1)), 1e-12);
        double[] many = new double[20];
        java.util.Arrays.fill(many, 0.1);
        double p = SignFlipTest.pValue(many, 999, new SplittableRandom(2));
        assertEquals(0.001, p, 1e-12, "Monte Carlo beyond 16 units: only the observed pattern reaches it");
        assertThrows(IllegalArgumentException.class, () -> SignFlipTest.pValue(new double[0], 10, new SplittableRandom(1)));
    }

    @Test
    void holmAndBenjaminiHochbergMatchHandComputedValues() {
        double[] p = {0.01, 0.04, 0.03, 0.20};
        // Holm: sorted 0.01, 0.03, 0.04, 0.20 -> 0.04, 0.09, 0.09 (monotone), 0.20
        assertArrayEquals(new double[] {0.04, 0.09, 0.09, 0.20}, MultipleTesting.holm(p), 1e-12);
        // BH: 4 p / rank = 0.04, 0.06, 0.0533, 0.20 by rank, then the running minimum from the top
        double third = 0.04 * 4 / 3;
        assertArrayEquals(new double[] {0.04, third, third, 0.20}, MultipleTesting.benjaminiHochberg(p), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> MultipleTesting.holm(new double[] {1.5}));
    }

    private static double clamp(double p) {
        return Math.max(0.02, Math.min(0.98, p));
    }
}
