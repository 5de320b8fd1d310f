package org.creamlab.positions.cream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.creamlab.positions.PositionSample;
import org.creamlab.positions.PositionSampler;
import org.creamlab.positions.SchemeSettings;
import org.creamlab.positions.Segment;
import org.creamlab.positions.WindowExtension;
import org.junit.jupiter.api.Test;

class CreamSchemeTest {

    private static final WindowExtension PAPER = new WindowExtension(4096, 8);
    private static final WindowExtension SMALL = new WindowExtension(128, 8);

    @Test
    void headAndTailAreExactlyAsSpecifiedAndTheEndsArePinned() {
        for (WindowExtension extension : new WindowExtension[] {SMALL, PAPER, new WindowExtension(100, 4)}) {
            CreamScheme scheme = new CreamScheme(extension);
            int n = extension.window();
            int l = extension.targetLength();
            PositionSampler sampler = scheme.sampler(new SplittableRandom(3));
            Set<String> variants = new HashSet<>();
            for (int i = 0; i < 2000; i++) {
                PositionSample sample = sampler.next(l);
                int[] ids = sample.positionIds();
                Segment head = sample.segment("head");
                Segment tail = sample.segment("tail");
                Segment middle = sample.segment("middle");
                int expected = sample.variant().equals("relativity") ? n / 3
                        : Math.max(1, (int) Math.round(n / 128.0));   // the paper's k = 32 of N = 4096
                variants.add(sample.variant());
                assertEquals(expected, head.length(), "head length, " + sample.variant());
                assertEquals(expected, tail.length(), "tail length, " + sample.variant());
                assertEquals(n - 2 * expected, middle.length(), "middle length");
                assertEquals(0, ids[0], "pos[0] = 0");
                assertEquals(l - 1, ids[n - 1], "pos[N-1] = L-1");
                assertTrue(middle.firstPositionId() >= head.length(), "P_s >= L_h");
                assertTrue(middle.lastPositionId() <= l - tail.length() - 1, "P_e <= L - L_t - 1");
            }
            assertEquals(Set.of("relativity", "continuity"), variants, "both variants occur");
        }
    }

    @Test
    void middleEndLiesInTheSpecBoundsForItsR() {
        CreamScheme scheme = new CreamScheme(PAPER);
        SplittableRandom rng = new SplittableRandom(11);
        int relativityLow = Integer.MAX_VALUE;
        int relativityHigh = Integer.MIN_VALUE;
        for (int i = 0; i < 20_000; i++) {
            CreamLayout layout = scheme.drawLayout(CreamVariant.RELATIVITY, rng);
            int r = layout.scale().orElseThrow();
            int head = layout.headLength();
            int middle = layout.middleLength();
            long low = (2L * head + (long) (middle - 1) * r) / 2;
            long high = (long) r * 4096 / 2 - layout.tailLength() - 1;
            assertTrue(layout.middleEnd() >= low && layout.middleEnd() <= high,
                    "P_e " + layout.middleEnd() + " in [" + low + ", " + high + "] for r = " + r);
            if (r == 2) {
                assertEquals(head + middle - 1, layout.middleEnd(), "r = 2 collapses onto the head");
            }
            if (r == 9) {
                relativityLow = Math.min(relativityLow, layout.middleEnd());
                relativityHigh = Math.max(relativityHigh, layout.middleEnd());
            }
        }
        // spec 1.5 worked example: relativity, s' = 4.5 gives P_e in [7507, 17066]
        assertTrue(relativityLow >= 7507 && relativityLow < 7507 + 100, "lowest P_e at r = 9: " + relativityLow);
        assertTrue(relativityHigh <= 17066 && relativityHigh > 17066 - 100, "highest P_e at r = 9: " + relativityHigh);
        // continuity, s' = 4.5 gives P_e in [18171, 18399]
        for (int i = 0; i < 5000; i++) {
            CreamLayout layout = scheme.drawLayout(CreamVariant.CONTINUITY, rng);
            if (layout.scale().orElseThrow() == 9) {
                assertTrue(layout.middleEnd() >= 18171 && layout.middleEnd() <= 18399, "continuity P_e at r = 9");
            }
        }
    }

    @Test
    void tokensFollowSpecSixteen() {
        CreamScheme scheme = new CreamScheme(SMALL);
        int n = 128;
        CreamLayout layout = new CreamLayout(CreamVariant.CONTINUITY, 32, 500, 563, 32, java.util.OptionalInt.of(9));
        // a long document: the middle takes its true offsets; the tail is the document end
        PositionSample longDoc = scheme.toSample(layout, 5000);
        assertEquals(500, longDoc.segment("middle").firstTokenOffset());
        assertEquals(5000 - 32, longDoc.segment("tail").firstTokenOffset());
        assertEquals(0, longDoc.segment("head").firstTokenOffset());
        // P_e >= len: the middle is the text just before the tail
        PositionSample shortDoc = scheme.toSample(layout, 300);
        assertEquals(300 - 32 - 64, shortDoc.segment("middle").firstTokenOffset());
        // P_e < len but inside the tail text: the code overlaps, the disjoint option does not
        PositionSample overlapping = scheme.toSample(layout, 580);
        assertEquals(500, overlapping.segment("middle").firstTokenOffset(), "code: true offsets when P_e < len");
        CreamScheme disjoint = new CreamScheme(SMALL, CreamOptions.defaults()
                .withMiddleTokens(CreamOptions.MiddleTokens.DISJOINT));
        assertEquals(580 - 32 - 64, disjoint.toSample(layout, 580).segment("middle").firstTokenOffset());
        assertEquals(n, shortDoc.length());
    }

    @Test
    void variantIsDrawnPerSampleByDefaultAndPerBlockWhenFaithful() {
        PositionSampler perSample = new CreamScheme(SMALL).sampler(new SplittableRandom(5));
        Set<String> firstTen = new HashSet<>();
        int continuity = 0;
        for (int i = 0; i < 10_000; i++) {
            String variant = perSample.next(2000).variant();
            if (i < 10) {
                firstTen.add(variant);
            }
            continuity += variant.equals("continuity") ? 1 : 0;
        }
        assertEquals(2, firstTen.size(), "per-sample draws mix variants within ten samples");
        assertEquals(0.5, continuity / 10_000.0, 0.02, "p = 0.5");

        PositionSampler faithful = new CreamScheme(SMALL, CreamOptions.faithful()).sampler(new SplittableRandom(5));
        Set<String> blockVariants = new HashSet<>();
        for (int block = 0; block < 8; block++) {
            Set<String> inBlock = new HashSet<>();
            for (int i = 0; i < CreamOptions.FAITHFUL_BLOCK_SIZE; i++) {
                inBlock.add(faithful.next(2000).variant());
            }
            assertEquals(1, inBlock.size(), "block " + block + " shares one variant");
            blockVariants.addAll(inBlock);
        }
        assertEquals(2, blockVariants.size(), "different blocks draw different variants at this seed");
    }

    @Test
    void ablationModes() {
        SchemeSettings continuityOnly = SchemeSettings.of(Map.of("variants", "continuity", "k", "10"));
        CreamScheme scheme = (CreamScheme) new CreamSchemeFactory().create(SMALL, continuityOnly);
        PositionSampler sampler = scheme.sampler(new SplittableRandom(1));
        for (int i = 0; i < 200; i++) {
            PositionSample sample = sampler.next(1024);
            assertEquals("continuity", sample.variant());
            assertEquals(10, sample.segment("head").length());
        }
        CreamScheme relativityOnly = new CreamScheme(new WindowExtension(12, 8),
                CreamOptions.defaults().withVariants(CreamOptions.VariantMode.RELATIVITY));
        assertEquals("relativity", relativityOnly.sample(96, new SplittableRandom(1)).variant(),
                "relativity only ignores the too-large default k");

        CreamScheme uniformEnd = new CreamScheme(SMALL, CreamOptions.defaults().withContinuityLength(ContinuityLength.fourF())
                .withMiddle(CreamOptions.MiddleDistribution.UNIFORM_END));
        SplittableRandom rng = new SplittableRandom(2);
        int lowest = Integer.MAX_VALUE;
        int highest = 0;
        for (int i = 0; i < 20_000; i++) {
            CreamLayout layout = uniformEnd.drawLayout(CreamVariant.CONTINUITY, rng);
            assertTrue(layout.scale().isEmpty(), "no r for the uniform end");
            lowest = Math.min(lowest, layout.middleEnd());
            highest = Math.max(highest, layout.middleEnd());
        }
        assertEquals(32 + 64 - 1, lowest, "uniform end reaches the head");
        assertEquals(1024 - 32 - 1, highest, "uniform end reaches the tail");

        CreamScheme uniformR = new CreamScheme(SMALL,
                CreamOptions.defaults().withMiddle(CreamOptions.MiddleDistribution.UNIFORM_R));
        long[] counts = new long[17];
        for (int i = 0; i < 15_000; i++) {
            counts[uniformR.drawLayout(CreamVariant.RELATIVITY, rng).scale().orElseThrow()]++;
        }
        for (int r = 2; r <= 16; r++) {
            assertEquals(1000, counts[r], 120, "uniform r count for r = " + r);
        }
    }

    @Test
    void sameSeedSameIdsDifferentSeedDifferentIds() {
        CreamScheme scheme = new CreamScheme(PAPER);
        int[] a = scheme.sample(40_000, new SplittableRandom(9)).positionIds();
        int[] b = scheme.sample(40_000, new SplittableRandom(9)).positionIds();
        int[] c = scheme.sample(40_000, new SplittableRandom(10)).positionIds();
        assertArrayEquals(a, b);
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(c));
    }

    @Test
    void badSettingsFailWithTheSettingsName() {
        var k = assertThrows(IllegalArgumentException.class, () -> new CreamScheme(new WindowExtension(32, 8),
                CreamOptions.defaults().withContinuityLength(ContinuityLength.fourF())));
        assertTrue(k.getMessage().startsWith("k (continuity head/tail length, 4f) = 32"), k.getMessage());
        var kSetting = assertThrows(IllegalArgumentException.class,
                () -> CreamOptions.from(SchemeSettings.of(Map.of("k", "half"))));
        assertTrue(kSetting.getMessage().startsWith("setting 'k'"), kSetting.getMessage());
        var explicitK = assertThrows(IllegalArgumentException.class,
                () -> new CreamScheme(SMALL, CreamOptions.defaults().withContinuityLength(64)));
        assertTrue(explicitK.getMessage().contains("k (continuity head/tail length, 64) = 64"), explicitK.getMessage());
        var sigma = assertThrows(IllegalArgumentException.class,
                () -> CreamOptions.from(SchemeSettings.of(Map.of("sigma", "0"))));
        assertTrue(sigma.getMessage().startsWith("sigma"), sigma.getMessage());
        var negative = assertThrows(IllegalArgumentException.class,
                () -> CreamOptions.from(SchemeSettings.of(Map.of("sigma", "-1"))));
        assertTrue(negative.getMessage().startsWith("sigma"), negative.getMessage());
        var probability = assertThrows(IllegalArgumentException.class,
                () -> CreamOptions.from(SchemeSettings.of(Map.of("continuity-probability", "1.5"))));
        assertTrue(probability.getMessage().startsWith("continuity-probability"), probability.getMessage());
        var faithful = assertThrows(IllegalArgumentException.class,
                () -> CreamOptions.from(SchemeSettings.of(Map.of("faithful", "true", "variant-block", "10"))));
        assertTrue(faithful.getMessage().contains("variant-block"), faithful.getMessage());
        var middle = assertThrows(IllegalArgumentException.class,
                () -> CreamOptions.from(SchemeSettings.of(Map.of("middle", "flat"))));
        assertTrue(middle.getMessage().contains("setting middle")
                && middle.getMessage().contains("gaussian, truncated-gaussian, uniform-r, uniform-end"), middle.getMessage());
        assertEquals(CreamOptions.FAITHFUL_BLOCK_SIZE,
                CreamOptions.from(SchemeSettings.of(Map.of("faithful", "true"))).variantBlockSize());
    }
}
