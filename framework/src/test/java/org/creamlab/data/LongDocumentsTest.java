package org.creamlab.data;

import static org.creamlab.data.Fixtures.TASKS;
import static org.creamlab.data.Fixtures.TOKENIZER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.creamlab.positions.PositionSample;
import org.creamlab.positions.PositionScheme;
import org.creamlab.positions.WindowExtension;
import org.creamlab.positions.pose.PoseScheme;
import org.junit.jupiter.api.Test;

class LongDocumentsTest {

    private final LongDocumentGenerator documents = LongDocumentGenerator.evenMixture(TOKENIZER, TASKS, 2);

    @Test
    void documentsLandWithinOneLineOfTheLengthAndEndWithTheAnswer() {
        SplittableRandom rng = new SplittableRandom(8);
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            TrainingDocument d = documents.next(rng, 1024);
            kinds.add(d.kind());
            assertTrue(d.length() <= 1024 && d.length() > 1024 - 8 - 2, d.toString());
            int[] t = d.tokens();
            assertEquals(TOKENIZER.specialTokens().bos(), t[0]);
            if (d.kind().equals(LongDocumentGenerator.FILLER)) {
                assertEquals(1024, d.length());
                assertEquals(1, d.answerStart());
            } else {
                assertEquals(TOKENIZER.specialTokens().eos(), t[t.length - 1]);
                assertTrue(d.length() - d.answerStart() <= 3);
            }
        }
        assertEquals(Set.of("lines", "kv", "needle", "passkey", "filler"), kinds);
    }

    @Test
    void heldOutDocumentsAreFixedPerSeedAndDifferFromTraining() {
        List<TrainingDocument> a = documents.heldOut(3, 4, 256);
        assertEquals(a, documents.heldOut(3, 4, 256));
        assertNotEquals(a, documents.heldOut(4, 4, 256));
        SplittableRandom training = new SplittableRandom(3);
        assertNotEquals(a.get(0), documents.next(training, 256));
    }

    @Test
    void extensionSamplesTakeTheSchemesTokensAndMaskTheAnswer() {
        PositionScheme pose = new PoseScheme(new WindowExtension(128, 8));
        SplittableRandom rng = new SplittableRandom(2);
        TrainingDocument doc;
        do {
            doc = documents.next(rng, 1024);
        } while (doc.kind().equals(LongDocumentGenerator.FILLER));
        PositionSample layout = pose.sample(doc.length(), rng);
        ExtensionSample s = ExtensionSamples.of(doc, layout);
        assertEquals(128, s.tokens().length);
        assertArrayEquals(layout.positionIds(), s.positionIds());
        int[] offsets = layout.tokenOffsets();
        int targets = 0;
        for (int i = 0; i < offsets.length; i++) {
            assertEquals(doc.token(offsets[i]), s.tokens()[i]);
            if (s.targetMask()[i]) {
                targets++;
                assertTrue(offsets[i] >= doc.answerStart());
            }
        }
        assertFalse(s.targetMask()[0]);
        // PoSE's second chunk ends at a uniform offset in [N, len]: the answer and <eos> may be cut
        assertTrue(targets <= doc.length() - doc.answerStart(), "targets " + targets);
    }

    @Test
    void copyWarmupRepeatsTheRunAfterTheSeparator() {
        CopyWarmup copy = new CopyWarmup(TOKENIZER, Fixtures.LEXICON.ids(), 8, 63);
        TrainingDocument d = copy.next(new SplittableRandom(1));
        int[] t = d.tokens();
        int m = (t.length - 3) / 2;
        assertEquals(TOKENIZER.separator(), t[m + 1]);
        for (int i = 0; i < m; i++) {
            assertEquals(t[1 + i], t[m + 2 + i]);
        }
        assertEquals(m + 2, d.answerStart());
        assertEquals(d, copy.next(new SplittableRandom(1)));
    }

    @Test
    void gappedCopyPutsARandomGapBetweenTwoSeparatorsAndCopiesAfterIt() {
        CopyWarmup copy = new CopyWarmup(TOKENIZER, Fixtures.LEXICON.ids(), 8, 50, 16);
        java.util.Set<Integer> gaps = new java.util.HashSet<>();
        SplittableRandom rng = new SplittableRandom(3);
        for (int n = 0; n < 200; n++) {
            TrainingDocument d = copy.next(rng);
            int[] t = d.tokens();
            assertTrue(t.length <= copy.maximumTokens(), "length " + t.length);
            int m = t.length - 1 - d.answerStart();
            assertTrue(m >= 8 && m <= 50, "m " + m);
            assertEquals(TOKENIZER.separator(), t[m + 1]);
            assertEquals(TOKENIZER.separator(), t[d.answerStart() - 1]);
            int gap = d.answerStart() - m - 3;
            assertTrue(gap >= 0 && gap <= 16, "gap " + gap);
            gaps.add(gap);
            for (int i = 0; i < m; i++) {
                assertEquals(t[1 + i], t[d.answerStart() + i]);
            }
            assertEquals(TOKENIZER.specialTokens().eos(), t[t.length - 1]);
        }
        assertEquals(17, gaps.size(), "every gap 0..16 drawn in 200 sequences");
    }

    @Test
    void copyWarmupRefusesANegativeGap() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CopyWarmup(TOKENIZER, Fixtures.LEXICON.ids(), 8, 50, -2));
        assertTrue(e.getMessage().contains("copyGap"), e.getMessage());
    }

    @Test
    void episodesDocumentsAreShortTaskSamplesBackToBackWithTheirAnswers() {
        var episodes = new LongDocumentGenerator(TOKENIZER, TASKS, new FillerGrammar(),
                java.util.Map.of(LongDocumentGenerator.EPISODES, 1.0), 2, 128, null);
        SplittableRandom rng = new SplittableRandom(4);
        int eos = TOKENIZER.specialTokens().eos();
        int bos = TOKENIZER.specialTokens().bos();
        for (int n = 0; n < 20; n++) {
            TrainingDocument d = episodes.next(rng, 1024);
            assertEquals(LongDocumentGenerator.EPISODES, d.kind());
            assertTrue(d.length() == 1024, "filled to the length: " + d.length());
            int[] t = d.tokens();
            int samples = 0;
            int start = 0;
            for (int i = 0; i < t.length; i++) {
                if (t[i] == eos) {
                    samples++;
                    assertEquals(bos, t[start], "each episode starts with <bos>");
                    assertTrue(i + 1 - start <= 128, "episode of " + (i + 1 - start) + " tokens");
                    start = i + 1;
                }
            }
            assertTrue(samples >= 1024 / 128, samples + " episodes");
        }
    }

    @Test
    void anEpisodeLengthTooShortForATaskIsRefused() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LongDocumentGenerator(TOKENIZER, TASKS, new FillerGrammar(),
                        java.util.Map.of(LongDocumentGenerator.EPISODES, 1.0), 2, 10, null));
        assertTrue(e.getMessage().contains("episodeMaxLength"), e.getMessage());
    }
}
