package org.creamlab.rope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The numbers of spec section 3. */
class RopeScalingsTest {

    private static final int D = 128;
    private static final double BASE = 10_000;

    @Test
    void ntkBaseMatchesTheSpec() {
        assertEquals(82_684.6, new NtkScaling(8).scaledBase(D, BASE), 0.05);
        assertEquals(167_198.7, new NtkScaling(16).scaledBase(D, BASE), 0.05);
        assertEquals(683_674.7, new NtkScaling(64).scaledBase(D, BASE), 0.05);
        double[] inv = new NtkScaling(8).inverseFrequencies(D, BASE, 1);
        assertEquals(1.0, inv[0], 0.0, "the first pair is unchanged");
        double scaledBase = BASE * Math.pow(8, 128.0 / 126);
        assertEquals(Math.pow(scaledBase, -126.0 / 128), inv[63], 1e-18);
    }

    @Test
    void yarnCorrectionRangeIsTwentyToFortySix() {
        YarnScaling.CorrectionRange range = new YarnScaling(8, 4096).correctionRange(D, BASE);
        assertEquals(20, range.low());
        assertEquals(46, range.high());
    }

    @Test
    void aLargerBetaSlowNarrowsTheExtrapolatedBandAtTheMiniaturesWindow() {
        // d = 32, N = 128: dim(1) = 5.24, dim(4) = 2.83, dim(16) = 0.42; dim(32) < 0 clamps to 0
        YarnScaling yarn = new YarnScaling(8, 128, YarnScaling.Variant.ORIGINAL);
        assertEquals(new YarnScaling.CorrectionRange(0, 6), yarn.correctionRange(32, BASE));
        assertEquals(new YarnScaling.CorrectionRange(0, 3), yarn.withBetas(32, 4).correctionRange(32, BASE));
        assertEquals(new YarnScaling.CorrectionRange(0, 1), yarn.withBetas(32, 16).correctionRange(32, BASE));
        double[] unscaled = RopeScaling.baseInverseFrequencies(32, BASE);
        double[] narrow = yarn.withBetas(32, 16).inverseFrequencies(32, BASE, 1024);
        assertEquals(unscaled[0], narrow[0], 1e-15, "pair 0 kept exact");
        for (int i = 1; i < narrow.length; i++) {
            assertEquals(unscaled[i] / 8, narrow[i], 1e-15, "pair " + i + " interpolated as Linear (theta / s)");
        }
        var written = HfRopeScaling.write(yarn.withBetas(32, 4)).getAsJsonObject();
        assertEquals(4.0, written.get("beta_slow").getAsDouble(), "a checkpoint's config names its band");
        assertEquals(32.0, written.get("beta_fast").getAsDouble());
        assertEquals(128, written.get("original_max_position_embeddings").getAsInt());
    }

    @Test
    void aTemperedScalingKeepsFrequenciesAndPositionsAndReplacesOnlyTheAttentionFactor() {
        LinearScaling linear = new LinearScaling(8);
        TemperedScaling tempered = new TemperedScaling(linear, YarnScaling.mscale(8));
        assertEquals("linear", tempered.name());
        assertEquals(1.2079, tempered.attentionFactor(), 1e-4);
        assertEquals(1.0, linear.attentionFactor());
        assertEquals(linear.scalePosition(100), tempered.scalePosition(100));
        assertEquals(java.util.Arrays.toString(linear.inverseFrequencies(32, BASE, 1024)),
                java.util.Arrays.toString(tempered.inverseFrequencies(32, BASE, 1024)));
        var written = HfRopeScaling.write(tempered).getAsJsonObject();
        assertEquals("linear", written.get("type").getAsString());
        assertEquals(1.2079, written.get("attention_factor").getAsDouble(), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> new TemperedScaling(linear, 0));
        assertThrows(IllegalArgumentException.class, () -> new TemperedScaling(linear, Double.NaN));
    }

    @Test
    void yarnMscaleIsAppliedAsTheAttentionFactor() {
        assertEquals(1.2079, new YarnScaling(8, 4096).attentionFactor(), 1e-4);
        assertEquals(1.4159, new YarnScaling(64, 4096).attentionFactor(), 1e-4);
        assertEquals(1.0, YarnScaling.mscale(1.0));
        assertEquals(1.2079, new YarnScaling(8, 4096, YarnScaling.Variant.ORIGINAL).attentionFactor(), 1e-4);
    }

    @Test
    void revisedYarnBlendsTheDivisorAndOriginalBlendsTheFrequency() {
        double s = 8;
        double[] base = RopeScaling.baseInverseFrequencies(D, BASE);
        double[] revised = new YarnScaling(s, 4096).inverseFrequencies(D, BASE, 1);
        double[] original = new YarnScaling(s, 4096, YarnScaling.Variant.ORIGINAL).inverseFrequencies(D, BASE, 1);
        for (int i = 0; i < 64; i++) {
            double ramp = Math.min(1, Math.max(0, (i - 20) / 26.0));
            double gamma = 1 - ramp;
            assertEquals(base[i] / ((1 - gamma) * s + gamma), revised[i], 1e-15, "revised, pair " + i);
            assertEquals(base[i] * ((1 - gamma) / s + gamma), original[i], 1e-15, "original, pair " + i);
            if (i <= 20) {
                assertEquals(base[i], revised[i], 0.0, "extrapolated pair " + i);
            }
            if (i >= 46) {
                assertEquals(base[i] / s, revised[i], 1e-18, "interpolated pair " + i);
                assertEquals(revised[i], original[i], 1e-18, "variants agree at pair " + i);
            }
            if (i > 20 && i < 46) {
                assertNotEquals(revised[i], original[i], "variants differ at pair " + i);
            }
        }
        assertEquals("yarn", new YarnScaling(s, 4096).name());
        assertEquals("yarn-original", new YarnScaling(s, 4096, YarnScaling.Variant.ORIGINAL).name());
    }

    @Test
    void dynamicNtkChangesTheBaseOnlyBeyondTheWindow() {
        DynamicNtkScaling scaling = new DynamicNtkScaling(8, 4096);
        assertEquals(BASE, scaling.scaledBase(D, BASE, 4096), 0.0);
        // len = 2N: s * 2 - (s - 1) = 9
        assertEquals(BASE * Math.pow(9, 128.0 / 126), scaling.scaledBase(D, BASE, 8192), 1e-6);
        // len = N (2s - 1) / s makes the bracket s: the static NTK base
        assertEquals(new NtkScaling(8).scaledBase(D, BASE), scaling.scaledBase(D, BASE, 4096 * 15 / 8), 1e-6);
        assertTrue(scaling.scaledBase(D, BASE, 32768) > scaling.scaledBase(D, BASE, 16384), "grows with length");
    }

    @Test
    void registryFindsEveryScalingByName() {
        RopeScalings scalings = RopeScalings.standard();
        assertEquals(Set.of("none", "linear", "ntk", "yarn", "yarn-original", "dynamic-ntk", "llama3"), scalings.names());
        for (String name : scalings.names()) {
            assertEquals(name, scalings.create(name, 8, 4096).name(), "factory and scaling agree on " + name);
        }
        RopeScalings injected = Guice.createInjector(new RopeModule()).getInstance(RopeScalings.class);
        assertEquals(scalings.names(), injected.names());
    }

    @Test
    void badInputNamesTheSetting() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> RopeScalings.standard().create("NTK", 8, 4096));
        assertTrue(unknown.getMessage().contains("'NTK'") && unknown.getMessage().contains("setting rope")
                && unknown.getMessage().contains("yarn-original"), unknown.getMessage());
        var factor = assertThrows(IllegalArgumentException.class, () -> new NtkScaling(0.5));
        assertTrue(factor.getMessage().contains("factor"), factor.getMessage());
        var window = assertThrows(IllegalArgumentException.class, () -> new YarnScaling(8, 0));
        assertTrue(window.getMessage().contains("original window"), window.getMessage());
    }
}
