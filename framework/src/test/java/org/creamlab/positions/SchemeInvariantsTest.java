package org.creamlab.positions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants every registered scheme promises, over many seeds and several geometries. */
class SchemeInvariantsTest {

    private static final PositionSchemes SCHEMES = PositionSchemes.standard();
    private static final List<WindowExtension> GEOMETRIES = List.of(
            new WindowExtension(128, 8), new WindowExtension(101, 3), new WindowExtension(64, 16),
            new WindowExtension(12, 2), new WindowExtension(4096, 8));

    static Stream<Arguments> schemesAndGeometries() {
        return SCHEMES.names().stream().flatMap(name -> GEOMETRIES.stream()
                .filter(g -> !name.equals("cream") || 8 * g.factor() < g.window())
                .map(g -> Arguments.of(name, g)));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("schemesAndGeometries")
    void idsAreStrictlyIncreasingInsideTheTargetLength(String name, WindowExtension extension) {
        PositionScheme scheme = SCHEMES.create(name, extension, SchemeSettings.empty());
        int seeds = extension.window() > 1000 ? 20 : 200;
        int target = extension.targetLength();
        for (int seed = 0; seed < seeds; seed++) {
            int documentLength = scheme.minimumDocumentLength() + seed * 37 % (2 * target);
            PositionSample sample = scheme.sample(documentLength, new SplittableRandom(seed));
            int[] ids = sample.positionIds();
            int[] tokens = sample.tokenOffsets();
            assertEquals(scheme.sampleLength(), ids.length, name + " seed " + seed + ": sample length");
            assertEquals(ids.length, tokens.length, name + " seed " + seed + ": one token per id");
            assertEquals(name, sample.scheme(), "scheme name recorded");
            assertTrue(ids[0] >= 0 && ids[ids.length - 1] < target, name + " seed " + seed + ": ids inside [0, L)");
            for (int i = 1; i < ids.length; i++) {
                assertTrue(ids[i] > ids[i - 1], name + " seed " + seed + ": strictly increasing at " + i);
            }
            for (int t : tokens) {
                assertTrue(t >= 0 && t < documentLength, name + " seed " + seed + ": token offset " + t
                        + " inside the document of " + documentLength);
            }
        }
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("schemesAndGeometries")
    void theSameSeedGivesTheSameSamples(String name, WindowExtension extension) {
        PositionScheme scheme = SCHEMES.create(name, extension, SchemeSettings.empty());
        PositionSampler first = scheme.sampler(new SplittableRandom(42));
        PositionSampler second = scheme.sampler(new SplittableRandom(42));
        int documentLength = 2 * extension.targetLength();
        for (int i = 0; i < 20; i++) {
            PositionSample a = first.next(documentLength);
            PositionSample b = second.next(documentLength);
            assertArrayEquals(a.positionIds(), b.positionIds(), name + ": ids of sample " + i);
            assertArrayEquals(a.tokenOffsets(), b.tokenOffsets(), name + ": tokens of sample " + i);
            assertEquals(a, b, name + ": whole sample " + i);
        }
    }
}
