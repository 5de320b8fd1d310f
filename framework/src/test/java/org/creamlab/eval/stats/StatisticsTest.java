package org.creamlab.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void wilsonMatchesTheHandComputation() {
        // 8 of 10, z = 1.959964, z^2 = 3.841459: denominator 1 + 0.3841459 = 1.3841459,
        // centre (0.8 + 0.1920729) / 1.3841459 = 0.716736,
        // half 1.959964 * sqrt(0.016 + 0.0096036) / 1.3841459 = 0.226578 -> [0.490158, 0.943314]
        Interval i = Wilson.interval95(8, 10);
        assertEquals(0.8, i.estimate(), 1e-12);
        assertEquals(0.490158, i.low(), 1e-5);
        assertEquals(0.943314, i.high(), 1e-5);
        // 0 of 10: low 0, high z^2/n / (1 + z^2/n) = 0.3841459 / 1.3841459 = 0.277533
        Interval zero = Wilson.interval95(0, 10);
        assertEquals(0, zero.low(), 1e-12);
        assertEquals(0.277533, zero.high(), 1e-5);
        // 50 of 50: high 1, low 1 / (1 + 3.841459 / 50) = 0.928652
        assertEquals(0.928652, Wilson.interval95(50, 50).low(), 1e-5);
        assertThrows(IllegalArgumentException.class, () -> Wilson.interval95(3, 2));
    }

    @Test
    void mcnemarExactMatchesTheBinomialTail() {
        // b = 1, c = 9: P(X <= 1) for Bin(10, 1/2) = (1 + 10) / 1024; two-sided 22 / 1024
        assertEquals(22.0 / 1024, McNemar.exactPValue(1, 9), 1e-12);
        assertEquals(22.0 / 1024, McNemar.exactPValue(9, 1), 1e-12);
        // b = 0, c = 6: 2 / 64
        assertEquals(2.0 / 64, McNemar.exactPValue(0, 6), 1e-12);
        // b = c = 5: 2 * 638 / 1024 > 1, capped
        assertEquals(1, McNemar.exactPValue(5, 5), 1e-12);
        assertEquals(1, McNemar.exactPValue(0, 0), 1e-12);
        boolean[] a = {true, true, false, false, true};
        boolean[] b = {true, false, true, false, false};
        assertEquals(2, McNemar.discordant(a, b)[0]);
        assertEquals(1, McNemar.discordant(a, b)[1]);
    }

    @Test
    void pairedBootstrapIsSeededAndBracketsTheDifference() {
        double[] a = {1, 1, 1, 0, 1, 1, 0, 1, 1, 1};
        double[] b = {0, 1, 0, 0, 0, 1, 0, 0, 1, 0};
        PairedBootstrap.Result r = PairedBootstrap.compare(a, b, 2000, new SplittableRandom(5));
        assertEquals(0.5, r.difference().estimate(), 1e-12); // (8 - 3) / 10
        assertTrue(r.difference().low() > 0 && r.difference().high() <= 1, r.toString());
        assertEquals(r, PairedBootstrap.compare(a, b, 2000, new SplittableRandom(5)));
        assertTrue(r.pValue() < 0.05, r.toString());
        PairedBootstrap.Result same = PairedBootstrap.compare(a, a, 100, new SplittableRandom(5));
        assertEquals(0, same.difference().low(), 1e-12);
        assertEquals(1, same.pValue(), 1e-12);
        // always better: every resample has d = 1 > 0, so p = 2 * 0 / R = 0
        assertEquals(0, PairedBootstrap.compare(new double[] {1, 1}, new double[] {0, 0}, 50,
                new SplittableRandom(1)).pValue(), 1e-12);
    }

    @Test
    void seedSummaryUsesStudentT() {
        // {1, 2, 3}: mean 2, sd 1, t(0.975, 2) = 4.303 -> half width 4.303 / sqrt(3) = 2.484342
        Interval i = SeedSummary.of(new double[] {1, 2, 3});
        assertEquals(2, i.estimate(), 1e-12);
        assertEquals(2 - 2.484342, i.low(), 1e-5);
        assertEquals(2 + 2.484342, i.high(), 1e-5);
        assertEquals(new Interval(5, 5, 5), SeedSummary.of(new double[] {5}));
    }
}
