package org.creamlab.data;

import static org.creamlab.data.Fixtures.TASKS;
import static org.creamlab.data.Fixtures.TOKENIZER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every answer and copy target of the fine-tuning documents names its evidence, and the evidence holds the same token. */
class TargetLabelsTest {

    private static final CopyWarmup COPY = new CopyWarmup(TOKENIZER, Fixtures.LEXICON.ids(), 8, 50, 16);

    private static void assertEvidenceRepeatsTheTarget(TrainingDocument d) {
        for (int i = 0; i < d.length(); i++) {
            TargetClass c = d.targetClass(i);
            assertEquals(d.isLossTarget(i), c != TargetClass.NONE, "loss mask and class agree at " + i);
            if (c.isRetrieval()) {
                int e = d.evidence(i);
                assertTrue(e >= 0 && e < i, d + ": evidence of " + i + " at " + e);
                assertEquals(d.token(e), d.token(i), d.kind() + ": the evidence holds the token to retrieve (" + i + ")");
            } else {
                assertEquals(-1, d.evidence(i));
            }
        }
    }

    @Test
    void taskDocumentsLabelTheirAnswerWithTheGoldRecord() {
        LongDocumentGenerator docs = LongDocumentGenerator.evenMixture(TOKENIZER, TASKS, 2);
        SplittableRandom rng = new SplittableRandom(5);
        int answers = 0;
        for (int n = 0; n < 30; n++) {
            TrainingDocument d = docs.next(rng, 512);
            assertEvidenceRepeatsTheTarget(d);
            for (int i = 0; i < d.length(); i++) {
                answers += d.targetClass(i) == TargetClass.ANSWER ? 1 : 0;
            }
        }
        assertTrue(answers > 10, answers + " answer tokens");
    }

    @Test
    void episodesLabelAnswersCopiesAndFiller() {
        var episodes = new LongDocumentGenerator(TOKENIZER, TASKS, new FillerGrammar(), Map.of(LongDocumentGenerator.EPISODES, 1.0),
                2, 128, COPY);
        SplittableRandom rng = new SplittableRandom(6);
        int[] byClass = new int[TargetClass.values().length];
        for (int n = 0; n < 20; n++) {
            TrainingDocument d = episodes.next(rng, 1024);
            assertEvidenceRepeatsTheTarget(d);
            TrainingDocument row = episodes.episodes(rng, 128, 128);
            assertEquals(128, row.length(), "a row document fills the row");
            assertEvidenceRepeatsTheTarget(row);
            for (int i = 0; i < d.length(); i++) {
                byClass[d.targetClass(i).ordinal()]++;
            }
        }
        for (TargetClass c : List.of(TargetClass.ANSWER, TargetClass.COPY, TargetClass.FILLER)) {
            assertTrue(byClass[c.ordinal()] > 0, "some " + c);
        }
    }

    @Test
    void recallSequencesRepeatTheirFirstHalf() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int length : new int[] {4, 5, 128, 1024}) {
            TrainingDocument d = COPY.recall(rng, length);
            assertEquals(length, d.length());
            assertEvidenceRepeatsTheTarget(d);
            assertEquals(length - d.answerStart(), (int) java.util.stream.IntStream.range(0, length)
                    .filter(i -> d.targetClass(i) == TargetClass.COPY).count(), "the whole continuation is copied");
            assertTrue(d.answerStart() - d.evidence(d.answerStart()) >= length / 2 - 1, "recalled from about L/2 back");
        }
        assertThrows(IllegalArgumentException.class, () -> COPY.recall(rng, 3));
    }

    @Test
    void evidenceMustComeBeforeItsTarget() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TrainingDocument("x", new int[] {1, 2}, 1,
                new boolean[] {false, true}, new TargetClass[] {TargetClass.NONE, TargetClass.COPY}, new int[] {-1, 1}));
        assertTrue(e.getMessage().contains("must come before"), e.getMessage());
    }

    @Test
    void farCopiesSpanTheRowAndKeepTheirEvidence() {
        var rows = new LongDocumentGenerator(TOKENIZER, TASKS, new FillerGrammar(), Map.of(LongDocumentGenerator.EPISODES, 1.0),
                2, 128, COPY).withFarCopies(new CopyWarmup(TOKENIZER, Fixtures.LEXICON.ids(), 8, 50, 1024 - 104));
        SplittableRandom rng = new SplittableRandom(9);
        int far = 0;
        for (int n = 0; n < 40; n++) {
            TrainingDocument d = rows.episodes(rng, 1024, 1024);
            assertEquals(1024, d.length());
            assertEvidenceRepeatsTheTarget(d);
            for (int i = 0; i < d.length(); i++) {
                far += d.targetClass(i) == TargetClass.COPY && i - d.evidence(i) > 128 ? 1 : 0;
            }
        }
        assertTrue(far > 100, far + " copy targets more than N = 128 tokens from their source");
        assertThrows(IllegalArgumentException.class, () -> COPY.next(rng, 10));
    }

    @Test
    void spanningRowsFillTheRowAndAKvRecordAskedSeveralTimesLabelsEveryAnswerWithItsPair() {
        var episodes = spanningRows("kv=1+lines=0.001+needle=0.001+passkey=0.001+copy=0.001");
        SplittableRandom rng = new SplittableRandom(8);
        for (int n = 0; n < 10; n++) {
            TrainingDocument one = episodes.spanning(rng, 1024);
            assertEquals(1024, one.length(), "a spanning row fills the row");
            assertEvidenceRepeatsTheTarget(one);
            TrainingDocument asked = episodes.spanning(rng, 1024, 8);
            assertEquals(1024, asked.length());
            assertEvidenceRepeatsTheTarget(asked);
            // 8 answers of 1 or 2 tokens, their evidence anywhere in a record of about a thousand tokens
            assertTrue(answerTokens(asked) >= 8 && answerTokens(asked) <= 16, answerTokens(asked) + " answer tokens");
            assertTrue(farthestAnswer(asked) > 300, "an answer far from its pair: " + farthestAnswer(asked));
        }
    }

    @Test
    void aSpanningLinesRecordAskedSeveralTimesLabelsEveryAnswerWithItsLine() {
        var linesOnly = spanningRows("lines=1+kv=0.001+needle=0.001+passkey=0.001+copy=0.001");
        SplittableRandom rng = new SplittableRandom(9);
        for (int n = 0; n < 10; n++) {
            TrainingDocument once = linesOnly.spanning(rng, 1024, 8, 1);
            TrainingDocument asked = linesOnly.spanning(rng, 1024, 1, 8);
            assertEquals(1024, asked.length(), "a spanning row fills the row");
            assertEvidenceRepeatsTheTarget(once);
            assertEvidenceRepeatsTheTarget(asked);
            // 8 numbers of 1 or 2 tokens against 1 number: kvQuestions does not ask lines records again
            assertTrue(answerTokens(asked) >= 8 && answerTokens(asked) <= 16, answerTokens(asked) + " answer tokens");
            assertTrue(answerTokens(once) <= 2, answerTokens(once) + " answer tokens when asked once");
            assertTrue(farthestAnswer(asked) > 300, "an answer far from its line: " + farthestAnswer(asked));
        }
    }

    @Test
    void askingALinesRecordOnceIsTheSampleItself() {
        LinesGenerator lines = (LinesGenerator) TASKS.get(Tasks.LINES);
        TaskSample plain = lines.sample(new SplittableRandom(3), 600, Placement.uniform());
        AskedSample asked = lines.sampleAsked(new SplittableRandom(3), 600, 1);
        assertEquals(List.of(), asked.followUps());
        assertEquals(plain.answerText(), asked.first().answerText());
        assertEquals(plain.goldOffset(), asked.first().goldOffset());
        assertArrayEquals(plain.prompt(), asked.first().prompt(), "the same draws make the same prompt");
        assertThrows(IllegalArgumentException.class, () -> lines.sampleAsked(new SplittableRandom(3), 600, 0));
    }

    /** Full-length rows of {@code mix}'s episode kinds, for {@link LongDocumentGenerator#spanning}. */
    private static LongDocumentGenerator spanningRows(String mix) {
        return new LongDocumentGenerator(TOKENIZER, TASKS, new FillerGrammar(), Map.of(LongDocumentGenerator.EPISODES, 1.0),
                2, 128, COPY, EpisodeMix.parse(mix));
    }

    /** The largest distance from an answer token back to its evidence. */
    private static int farthestAnswer(TrainingDocument d) {
        int farthest = 0;
        for (int i = 0; i < d.length(); i++) {
            if (d.targetClass(i) == TargetClass.ANSWER) {
                farthest = Math.max(farthest, i - d.evidence(i));
            }
        }
        return farthest;
    }

    private static int answerTokens(TrainingDocument d) {
        int n = 0;
        for (int i = 0; i < d.length(); i++) {
            n += d.targetClass(i) == TargetClass.ANSWER ? 1 : 0;
        }
        return n;
    }
}
