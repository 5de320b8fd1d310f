package org.creamlab.positions.remap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Each remapping's regions (queries and keys rotated separately, as a model computes them) against a
 * naive double-precision reference that takes the method's mapped relative distance for every
 * (query, key) pair and computes the RoPE score from it directly.
 */
class PositionRemapReferenceTest {

    private static final int D = 16;
    private static final double BASE = 10_000;

    private static List<PositionRemap> methods(int t) {
        return List.of(new SelfExtend(48, 4), new SelfExtend(t / 3, 7), ReRope.clamped(40), new ReRope(40, 8),
                new StringRemap(t / 2, 16), new MsPoe(1.2, 1.8, new int[] {2, 0, 3, 1}));
    }

    /** theta_j = base^(-2j/d). */
    private static double[] theta() {
        double[] th = new double[D / 2];
        for (int j = 0; j < th.length; j++) {
            th[j] = Math.pow(BASE, -2.0 * j / D);
        }
        return th;
    }

    /** Llama's rotate-half RoPE of {@code x} at position {@code p}: pairs (j, j + d/2). */
    private static double[] rotate(double[] x, double p, double[] th) {
        double[] out = new double[D];
        for (int j = 0; j < D / 2; j++) {
            double c = Math.cos(p * th[j]);
            double s = Math.sin(p * th[j]);
            out[j] = x[j] * c - x[j + D / 2] * s;
            out[j + D / 2] = x[j + D / 2] * c + x[j] * s;
        }
        return out;
    }

    /**
     * The score of q and k at relative distance {@code r} from the pairs' rotation by {@code r theta_j}:
     * {@code sum_j (q_j k_j + q_j' k_j') cos(r theta_j) + (q_j k_j' - q_j' k_j) sin(r theta_j)}, {@code j' = j + d/2}.
     */
    private static double reference(double[] q, double[] k, double r, double[] th) {
        double score = 0;
        for (int j = 0; j < D / 2; j++) {
            double a = q[j] * k[j] + q[j + D / 2] * k[j + D / 2];
            double b = q[j] * k[j + D / 2] - q[j + D / 2] * k[j];
            score += a * Math.cos(r * th[j]) + b * Math.sin(r * th[j]);
        }
        return score;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 300})
    void regionScoresEqualTheNaiveReferenceForEveryPair(int t) {
        double[] th = theta();
        SplittableRandom rng = new SplittableRandom(t);
        double[][] q = new double[t][D];
        double[][] k = new double[t][D];
        for (int i = 0; i < t; i++) {
            for (int c = 0; c < D; c++) {
                q[i][c] = rng.nextGaussian();
                k[i][c] = rng.nextGaussian();
            }
        }
        int heads = 4;
        for (PositionRemap m : methods(t)) {
            double worst = 0;
            int remapped = 0;
            for (int h = 0; h < heads; h++) {
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j <= i; j++) {
                        RemapRegion region = m.regionOf(h, heads, i, j);
                        double viaRegion = dot(rotate(q[i], region.queryPosition().applyAsDouble(i), th),
                                rotate(k[j], region.keyPosition().applyAsDouble(j), th));
                        double r = m.relative(h, heads, i, j);
                        worst = Math.max(worst, Math.abs(viaRegion - reference(q[i], k[j], r, th)));
                        remapped += r != i - j ? 1 : 0;
                    }
                }
            }
            assertTrue(worst < 1e-9, m + ": largest difference " + worst + " at T = " + t);
            assertTrue(remapped > 0, m + " remaps some pairs at T = " + t + " (the window cuts the sequence)");
        }
    }

    @Test
    void aWindowAsLongAsTheSequenceOrGroupsOfOneArePlainAttention() {
        int t = 300;
        List<PositionRemap> plain = List.of(new SelfExtend(t, 8), new SelfExtend(64, 1), ReRope.clamped(t), new ReRope(t, 4),
                new StringRemap(t, 100), new MsPoe(1, 1, new int[] {0, 1}));
        for (PositionRemap m : plain) {
            for (int h = 0; h < 2; h++) {
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j <= i; j++) {
                        assertEquals(i - j, m.relative(h, 2, i, j), 0.0, m + " at (" + i + ", " + j + ")");
                    }
                }
            }
        }
    }

    @Test
    void eachMethodsFormulaAtAFewPairsWorkedOutByHand() {
        // Self-Extend W = 8, G = 4, query 20, key 3: r = 17 >= 8 -> floor(20/4) - floor(3/4) + 8 - 2 = 11
        assertEquals(11, new SelfExtend(8, 4).relative(0, 1, 20, 3));
        assertEquals(7, new SelfExtend(8, 4).relative(0, 1, 10, 3), "inside the window: exact");
        assertEquals(10, ReRope.clamped(10).relative(0, 1, 500, 0));
        assertEquals(10 + 90 / 16.0, new ReRope(10, 16).relative(0, 1, 100, 0));
        // STRING S = 200, W = 64: r = 250 -> 250 - 200 + 64 = 114; r = 199 stays
        assertEquals(114, new StringRemap(200, 64).relative(0, 1, 260, 10));
        assertEquals(199, new StringRemap(200, 64).relative(0, 1, 199, 0));
        // Ms-PoE over 3 heads, order (2, 0, 1): rho = 1.2 + 0.6 k / 3 -> head 2 keeps 1.2, head 0 gets 1.4, head 1 1.6
        MsPoe ms = new MsPoe(1.2, 1.8, new int[] {2, 0, 1});
        assertEquals(1.2, ms.ratio(2, 3), 1e-12);
        assertEquals(1.4, ms.ratio(0, 3), 1e-12);
        assertEquals(90 / 1.6, ms.relative(1, 3, 90, 0), 1e-12);
        // awareness: weights (0.9, 0.05, 0.05) over 3 keys, mean 1/3: one outlier (0.9 > 4/3? no: 0.9 < 1.33) -> 0;
        // over 10 keys (0.6, then 0.4 spread): mean 0.1, 0.6 > 0.4 -> 1 of 10
        assertEquals(0.0, MsPoe.awareness(new double[] {0.9, 0.05, 0.05}));
        assertEquals(0.1, MsPoe.awareness(new double[] {0.6, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.0}), 1e-12);
        assertEquals(new MsPoe(1.2, 1.8, new int[] {1, 2, 0}), MsPoe.fromAwareness(1.2, 1.8, new double[] {0.0, 0.3, 0.1}),
                "the most aware head first");
    }

    @Test
    void badSettingsFailBeforeAnyComputeNamingTheSetting() {
        assertMessage(() -> new SelfExtend(0, 1), "'window' (Self-Extend W)");
        assertMessage(() -> new SelfExtend(16, 32), "'group' (Self-Extend G)");
        assertMessage(() -> new ReRope(0, 4), "'window' (ReRoPE w)");
        assertMessage(() -> new ReRope(8, 1), "'k' (Leaky ReRoPE)");
        assertMessage(() -> new StringRemap(100, 100), "'localWindow' (STRING W)");
        assertMessage(() -> new MsPoe(0.5, 1.8, new int[] {0}), "'rhoMin', 'rhoMax'");
        assertMessage(() -> new MsPoe(1.2, 1.8, new int[] {0, 0}), "'order' (Ms-PoE)");
        assertMessage(() -> new MsPoe(1.2, 1.8, new int[] {0, 1}).ratio(0, 4), "order of 2 heads");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String expected) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(expected), x.getMessage());
    }
}
