package org.creamlab.eval.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Why the fine-tuned model, not the sample, is the unit of replication, and whether the study's
 * statistics keep their promises: simulated studies of 5 bases x 2 seeds x 50 samples in which
 * every base has its own random CREAM - PoSE effect (as the README's three bases showed) and every
 * fine-tuned model its own seed effect.
 * <ul>
 *   <li>Two identical methods: the primary test ({@link BaseMeansTest}, t over base means) rejects
 *       at most ~5%; McNemar over the pooled samples of all models and a sign-flip that treats the
 *       10 models as independent both reject far more.</li>
 *   <li>A true 10-point effect: the test rejects about as often as {@link PowerAnalysis} states for
 *       the true variance components, and the components are recovered on average.</li>
 * </ul>
 */
class UnitOfReplicationSimulationTest {

    private static final int STUDIES = 1000;
    private static final int BASES = 5;
    private static final int SEEDS = 2;
    private static final int SAMPLES = 50;
    private static final double BASE_SD = 0.08;
    private static final double SEED_SD = 0.06;
    private static final double ALPHA = 0.05 / 4;

    /** One simulated study: per unit, 50 paired outcomes with the given true mean difference. */
    private static List<PairedUnit> study(double effect, SplittableRandom rng, int[] mcNemar) {
        List<PairedUnit> units = new ArrayList<>();
        for (int base = 0; base < BASES; base++) {
            double level = 0.05 * rng.nextGaussian();
            double baseEffect = BASE_SD * rng.nextGaussian();
            for (int seed = 0; seed < SEEDS; seed++) {
                double d = effect + baseEffect + SEED_SD * rng.nextGaussian();
                double pA = clamp(0.5 + level + d / 2);
                double pB = clamp(0.5 + level - d / 2);
                double[] a = new double[SAMPLES];
                double[] b = new double[SAMPLES];
                for (int s = 0; s < SAMPLES; s++) {
                    a[s] = rng.nextDouble() < pA ? 1 : 0;
                    b[s] = rng.nextDouble() < pB ? 1 : 0;
                    mcNemar[0] += a[s] > b[s] ? 1 : 0;
                    mcNemar[1] += b[s] > a[s] ? 1 : 0;
                }
                units.add(new PairedUnit("base-" + base, seed, List.of(new PairedCell(a, b))));
            }
        }
        return units;
    }

    @Test
    void underTheNullTheBaseLevelTestKeepsItsLevelWhilePooledAndUnitLevelTestsDoNot() {
        SplittableRandom rng = new SplittableRandom(20261204);
        int primary = 0;
        int pooled = 0;
        int independentUnits = 0;
        for (int i = 0; i < STUDIES; i++) {
            int[] mc = new int[2];
            List<PairedUnit> units = study(0, rng, mc);
            primary += BaseMeansTest.of(units).pValue() < 0.05 ? 1 : 0;
            pooled += McNemar.exactPValue(mc[0], mc[1]) < 0.05 ? 1 : 0;
            double[] d = units.stream().mapToDouble(PairedUnit::difference).toArray();
            independentUnits += SignFlipTest.pValue(d, 1, rng) < 0.05 ? 1 : 0;
        }
        double primaryRate = (double) primary / STUDIES;
        double pooledRate = (double) pooled / STUDIES;
        double unitRate = (double) independentUnits / STUDIES;
        System.out.printf("%d null studies of %d bases x %d seeds: t over base means rejects %.3f, sign-flip over"
                + " 10 models as if independent %.3f, pooled McNemar %.3f%n", STUDIES, BASES, SEEDS, primaryRate,
                unitRate, pooledRate);
        // 0.05 plus two binomial standard errors of a 1,000-study rate (0.0069)
        assertTrue(primaryRate <= 0.064 && primaryRate >= 0.036, "base-level type-I error " + primaryRate);
        assertTrue(pooledRate >= 0.15, "pooled McNemar type-I error " + pooledRate + " should be far above 5%");
        assertTrue(unitRate >= 0.08, "models of one base are not independent: " + unitRate);
    }

    @Test
    void aTenPointEffectIsDetectedAtTheStatedPowerAndTheComponentsAreRecovered() {
        SplittableRandom rng = new SplittableRandom(7);
        double within = 0;
        double seed = 0;
        double base = 0;
        int rejected = 0;
        for (int i = 0; i < STUDIES; i++) {
            List<PairedUnit> units = study(0.10, rng, new int[2]);
            VarianceComponents v = VarianceComponents.of(units);
            within += v.withinModel() / STUDIES;
            seed += v.betweenSeed() / STUDIES;
            base += v.betweenBase() / STUDIES;
            rejected += BaseMeansTest.of(units).pValue() < ALPHA ? 1 : 0;
        }
        // the true components: the sampling variance of a difference of two binomial(50, ~0.5) rates
        double trueWithin = 2 * 0.25 / SAMPLES;
        VarianceComponents truth = new VarianceComponents(BASE_SD * BASE_SD, SEED_SD * SEED_SD, trueWithin);
        PowerAnalysis analysis = new PowerAnalysis(ALPHA, 0.8);
        double stated = analysis.powerFor(0.10, truth, BASES, SEEDS);
        double observed = (double) rejected / STUDIES;
        System.out.printf("10-point effect, %d x %d design, alpha %.4f: stated power %.3f, observed %.3f; MDE %.3f,"
                + " bases for 10 points at 80%%: %d; mean estimated components base %.4f seed %.4f within %.4f"
                + " (true %.4f %.4f %.4f)%n", BASES, SEEDS, ALPHA, stated, observed,
                analysis.minimumDetectableEffect(truth, BASES, SEEDS), analysis.basesFor(0.10, truth, SEEDS),
                base, seed, within, truth.betweenBase(), truth.betweenSeed(), truth.withinModel());
        assertEquals(stated, observed, 0.08, "the power analysis must predict the rejection rate");
        // and at the design's minimum detectable effect the test rejects at the promised 80%
        double mde = analysis.minimumDetectableEffect(truth, BASES, SEEDS);
        int atMde = 0;
        for (int i = 0; i < STUDIES; i++) {
            atMde += BaseMeansTest.of(study(mde, rng, new int[2])).pValue() < ALPHA ? 1 : 0;
        }
        System.out.printf("at the MDE %.3f: observed power %.3f (promised 0.8)%n", mde, (double) atMde / STUDIES);
        assertEquals(0.8, (double) atMde / STUDIES, 0.08);
        assertEquals(trueWithin, within, 0.15 * trueWithin);
        // the moment estimates are truncated at 0, which biases the small-sample components upwards
        assertEquals(truth.betweenSeed(), seed, 0.5 * truth.betweenSeed());
        assertEquals(truth.betweenBase(), base, 0.5 * truth.betweenBase());
        assertTrue(seed < base, "the larger component must stay the larger: " + seed + " vs " + base);
    }

    @Test
    void theHierarchicalBootstrapCoversTheTrueEffect() {
        SplittableRandom rng = new SplittableRandom(11);
        int covered = 0;
        int studies = 300;
        for (int i = 0; i < studies; i++) {
            Interval ci = HierarchicalBootstrap.interval(study(0.10, rng, new int[2]), 400, rng);
            covered += ci.low() <= 0.10 && 0.10 <= ci.high() ? 1 : 0;
        }
        double coverage = (double) covered / studies;
        System.out.printf("hierarchical bootstrap 95%% interval, 5 bases: covers the true effect in %.3f of %d studies%n",
                coverage, studies);
        // a percentile bootstrap over 5 clusters is known to under-cover; it must not be far off
        assertTrue(coverage >= 0.80 && coverage <= 0.995, "coverage " + coverage);
    }

    @Test
    void thePowerIntegralHasLevelAlphaAtNoEffectAndRisesWithTheEffectForAnyNumberOfBases() {
        VarianceComponents v = new VarianceComponents(0.004, 0.002, 0.005);
        PowerAnalysis analysis = new PowerAnalysis(ALPHA, 0.8);
        for (int bases = 2; bases <= 8; bases++) {
            assertEquals(ALPHA, analysis.powerFor(0, v, bases, 2), 1e-4, bases + " bases");
            double mde = analysis.minimumDetectableEffect(v, bases, 2);
            assertEquals(0.8, analysis.powerFor(mde, v, bases, 2), 1e-6, "power at the MDE, " + bases + " bases");
            assertTrue(analysis.powerFor(mde / 2, v, bases, 2) < 0.8);
        }
        assertEquals(-1, analysis.basesFor(1e-6, v, 2), "an effect too small for any design searched");
        // no variance at all (e.g. both methods always right): certain, not a crash
        VarianceComponents none = new VarianceComponents(0, 0, 0);
        assertEquals(1.0, analysis.powerFor(0.1, none, 5, 2), 1e-12);
        assertEquals(0.0, analysis.minimumDetectableEffect(none, 5, 2), 1e-12);
        assertEquals(2, analysis.basesFor(0.1, none, 2));
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
    void baseMeansTestMatchesAHandComputedT() {
        // base means 0.1, 0.2, 0.3: mean 0.2, sd 0.1, se 0.0577, t = 3.4641 with 2 df: p = 0.0742
        BaseMeansTest.Result r = BaseMeansTest.ofBaseMeans(new double[] {0.1, 0.2, 0.3});
        assertEquals(3.4641, r.t(), 1e-4);
        assertEquals(0.0742, r.pValue(), 1e-4);
        assertEquals(0.25, r.signFlipP(), 1e-12);
        assertEquals(1.0, BaseMeansTest.ofBaseMeans(new double[] {0, 0}).pValue(), 1e-12);
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
