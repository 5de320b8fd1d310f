package org.creamlab.positions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Contiguous, full-length and RandPos. */
class BaselineSchemesTest {

    private final WindowExtension extension = new WindowExtension(16, 4);

    @Test
    void contiguousIsTheFirstWindow() {
        PositionSample sample = new ContiguousScheme(extension, ContiguousScheme.Span.WINDOW)
                .sample(100, new SplittableRandom(1));
        assertArrayEquals(IntStream.range(0, 16).toArray(), sample.positionIds());
        assertArrayEquals(IntStream.range(0, 16).toArray(), sample.tokenOffsets());
    }

    @Test
    void fullLengthIsTheWholeTargetAndNeedsThatMuchText() {
        ContiguousScheme full = new ContiguousScheme(extension, ContiguousScheme.Span.FULL);
        assertArrayEquals(IntStream.range(0, 64).toArray(), full.sample(64, new SplittableRandom(1)).positionIds());
        var e = assertThrows(IllegalArgumentException.class, () -> full.sample(63, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("documentLength 63"), e.getMessage());
    }

    @Test
    void documentsShorterThanTheWindowAreRejectedByEveryScheme() {
        PositionSchemes schemes = PositionSchemes.standard();
        WindowExtension wide = new WindowExtension(128, 8);
        for (String name : schemes.names()) {
            PositionScheme scheme = schemes.create(name, wide, SchemeSettings.empty());
            var e = assertThrows(IllegalArgumentException.class, () -> scheme.sample(127, new SplittableRandom(1)),
                    name + " must reject a 127-token document");
            assertTrue(e.getMessage().contains("documentLength"), name + ": " + e.getMessage());
        }
    }

    @Test
    void randPosTakesTheFirstTokensAndIdsUniformlyOverTheTarget() {
        RandPosScheme scheme = new RandPosScheme(extension);
        PositionSampler sampler = scheme.sampler(new SplittableRandom(7));
        long[] hits = new long[extension.targetLength()];
        int samples = 20_000;
        for (int i = 0; i < samples; i++) {
            PositionSample sample = sampler.next(100);
            assertArrayEquals(IntStream.range(0, 16).toArray(), sample.tokenOffsets(), "RandPos tokens are 0..N-1");
            for (int id : sample.positionIds()) {
                hits[id]++;
            }
        }
        // each id is included with probability N/L = 1/4; binomial sd over 20k samples is about 0.003
        for (int id = 0; id < hits.length; id++) {
            double rate = hits[id] / (double) samples;
            assertEquals(0.25, rate, 0.015, "inclusion rate of id " + id);
        }
    }
}
