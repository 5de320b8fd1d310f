package org.creamlab.positions.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.creamlab.positions.PositionSample;
import org.creamlab.positions.PositionSampler;
import org.creamlab.positions.SchemeSettings;
import org.creamlab.positions.Segment;
import org.creamlab.positions.WindowExtension;
import org.junit.jupiter.api.Test;

class PoseSchemeTest {

    @Test
    void twoChunksWithTheRevisedZeroFirstBias() {
        for (WindowExtension extension : new WindowExtension[] {new WindowExtension(15, 4), new WindowExtension(128, 8)}) {
            int n = extension.window();
            int l = extension.targetLength();
            PositionSampler sampler = new PoseScheme(extension).sampler(new SplittableRandom(8));
            int documentLength = 3 * l;
            boolean sawShortest = false;
            boolean sawLongest = false;
            boolean sawNoSkip = false;
            boolean sawMaxSkip = false;
            for (int i = 0; i < 20_000; i++) {
                PositionSample sample = sampler.next(documentLength);
                assertEquals(2, sample.segments().size(), "two chunks");
                Segment first = sample.segment("chunk0");
                Segment second = sample.segment("chunk1");
                int l0 = first.length();
                assertTrue(l0 >= 1 && l0 <= (n + 1) / 2, "l0 = " + l0 + " in [1, ceil(N/2)]");
                assertEquals(0, first.firstPositionId(), "first chunk bias is 0");
                assertEquals(0, first.firstTokenOffset(), "first chunk text is the document start");
                int skip = second.firstPositionId() - l0;
                assertTrue(skip >= 0 && skip <= l - n, "skip " + skip + " in [0, L-N]");
                assertEquals(skip + n - 1, second.lastPositionId(), "second chunk ends at u + N - 1");
                int contentEnd = second.firstTokenOffset() + second.length();
                assertTrue(contentEnd >= n && contentEnd <= l, "content end " + contentEnd + " in [N, min(len, L)]");
                assertEquals(Map.of("firstChunkLength", l0, "contentEnd", contentEnd, "skip", skip), sample.draws());
                sawShortest |= l0 == 1;
                sawLongest |= l0 == (n + 1) / 2;
                sawNoSkip |= skip == 0;
                sawMaxSkip |= skip == l - n;
            }
            if (n < 20) {
                assertTrue(sawShortest && sawLongest && sawNoSkip && sawMaxSkip, "the inclusive ends are reached");
            }
        }
    }

    @Test
    void contentLimitAndShortDocumentsBoundTheSecondChunkText() {
        WindowExtension extension = new WindowExtension(16, 4);
        PoseScheme limited = new PoseScheme(extension, new PoseOptions(PoseOptions.FirstChunkBias.ZERO, OptionalInt.of(20)));
        PoseScheme plain = new PoseScheme(extension);
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < 2000; i++) {
            Segment limitedChunk = limited.sample(1000, rng).segment("chunk1");
            assertTrue(limitedChunk.firstTokenOffset() + limitedChunk.length() <= 20, "content limited to 20 tokens");
            Segment shortChunk = plain.sample(18, rng).segment("chunk1");
            assertTrue(shortChunk.firstTokenOffset() + shortChunk.length() <= 18, "content inside an 18-token document");
        }
    }

    @Test
    void preRevisionBiasesTheFirstChunkToo() {
        WindowExtension extension = new WindowExtension(16, 4);
        PoseScheme scheme = (PoseScheme) new PoseSchemeFactory().create(extension,
                SchemeSettings.of(Map.of("first-chunk-bias", "random")));
        PositionSampler sampler = scheme.sampler(new SplittableRandom(6));
        boolean sawBiasedStart = false;
        for (int i = 0; i < 2000; i++) {
            PositionSample sample = sampler.next(64);
            Segment first = sample.segment("chunk0");
            Segment second = sample.segment("chunk1");
            int u0 = first.firstPositionId();
            int u1 = second.firstPositionId() - first.length();
            assertTrue(u0 >= 0 && u0 <= u1 && u1 <= 48, "0 <= u0 <= u1 <= L - N: " + u0 + ", " + u1);
            assertEquals(u0, sample.draws().get("firstSkip"));
            sawBiasedStart |= u0 > 0;
        }
        assertTrue(sawBiasedStart, "the first chunk is sometimes shifted");
    }

    @Test
    void badSettingsNameTheSetting() {
        var limit = assertThrows(IllegalArgumentException.class, () -> new PoseSchemeFactory()
                .create(new WindowExtension(16, 4), SchemeSettings.of(Map.of("content-limit", "10"))));
        assertTrue(limit.getMessage().startsWith("content-limit"), limit.getMessage());
        var bias = assertThrows(IllegalArgumentException.class, () -> new PoseSchemeFactory()
                .create(new WindowExtension(16, 4), SchemeSettings.of(Map.of("first-chunk-bias", "one"))));
        assertTrue(bias.getMessage().contains("setting first-chunk-bias"), bias.getMessage());
    }
}
