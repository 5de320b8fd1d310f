package org.creamlab.positions.cream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The distribution of r (spec 1.4). */
class GaussianScaleTest {

    /** r in {2..16}: 15 cells, 14 degrees of freedom; the 0.999 quantile of chi-square(14) is 36.123. */
    private static final double CHI_SQUARE_14_QUANTILE_0999 = 36.123;
    private static final int DRAWS = 200_000;

    /** Spec 1.4: Monte-Carlo of the released code, 2M draws, f = 8, sigma = 3, r = 2..16. */
    private static final double[] SPEC_PROBABILITIES = {.0228, .0250, .0434, .0674, .0939, .1167, .1306, .1305,
        .1170, .0939, .0675, .0434, .0251, .0130, .0099};

    @Test
    void closedFormMatchesTheSpecTable() {
        GaussianScale scale = new GaussianScale(8, 3.0, GaussianScale.Form.CLAMPED);
        double total = 0;
        for (int r = 2; r <= 16; r++) {
            assertEquals(SPEC_PROBABILITIES[r - 2], scale.probability(r), 0.0012, "P(r = " + r + ")");
            total += scale.probability(r);
        }
        assertEquals(1.0, total, 1e-12, "probabilities sum to one");
    }

    @Test
    void histogramPassesAChiSquareTestAtAFixedSeed() {
        GaussianScale scale = new GaussianScale(8, 3.0, GaussianScale.Form.CLAMPED);
        double statistic = chiSquare(scale, new GaussianScale(8, 3.0, GaussianScale.Form.CLAMPED), 2024);
        assertTrue(statistic < CHI_SQUARE_14_QUANTILE_0999, "chi-square " + statistic + " on 14 df");
    }

    @Test
    void theChiSquareTestHasPowerAgainstSigmaThreePointOne() {
        GaussianScale expected = new GaussianScale(8, 3.0, GaussianScale.Form.CLAMPED);
        double statistic = chiSquare(expected, new GaussianScale(8, 3.1, GaussianScale.Form.CLAMPED), 2024);
        assertTrue(statistic > CHI_SQUARE_14_QUANTILE_0999, "sigma 3.1 must be rejected, chi-square " + statistic);
    }

    @Test
    void truncatedFormRenormalisesAndNeverReachesTwoF() {
        GaussianScale scale = new GaussianScale(8, 3.0, GaussianScale.Form.TRUNCATED);
        double total = 0;
        for (int r = 2; r <= 16; r++) {
            total += scale.probability(r);
        }
        assertEquals(1.0, total, 1e-12);
        assertEquals(0.0, scale.probability(16));
        double statistic = chiSquareOver(scale, scale, 7, 15);
        // cells 2..15: 13 df, 0.999 quantile 34.528
        assertTrue(statistic < 34.528, "truncated chi-square " + statistic + " on 13 df");
    }

    @Test
    void clampingPilesTheTailsOnTheEnds() {
        GaussianScale wide = new GaussianScale(8, 4.0, GaussianScale.Form.CLAMPED);
        assertEquals(0.067, wide.probability(2), 0.001, "spec 1.4: sigma 4 gives P(r=2) = .067");
        assertEquals(0.040, wide.probability(16), 0.001, "spec 1.4: sigma 4 gives P(r=16) = .040");
        assertEquals(2.0, wide.interpolate(0.0));
        assertEquals(16.0, wide.interpolate(0.9999999));
    }

    @Test
    void rejectsNonPositiveSigma() {
        var e = assertThrows(IllegalArgumentException.class, () -> new GaussianScale(8, 0.0, GaussianScale.Form.CLAMPED));
        assertTrue(e.getMessage().contains("sigma"), e.getMessage());
    }

    private static double chiSquare(ScaleDistribution expected, ScaleDistribution drawn, long seed) {
        return chiSquareOver(expected, drawn, seed, expected.max());
    }

    /** Chi-square of {@link #DRAWS} draws of {@code drawn} against {@code expected} over cells 2..lastCell. */
    private static double chiSquareOver(ScaleDistribution expected, ScaleDistribution drawn, long seed, int lastCell) {
        long[] counts = new long[expected.max() + 1];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < DRAWS; i++) {
            counts[drawn.sample(rng)]++;
        }
        double statistic = 0;
        for (int r = 2; r <= lastCell; r++) {
            double e = expected.probability(r) * DRAWS;
            statistic += (counts[r] - e) * (counts[r] - e) / e;
        }
        return statistic;
    }
}
