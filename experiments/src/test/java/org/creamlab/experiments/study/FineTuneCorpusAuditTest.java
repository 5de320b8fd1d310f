package org.creamlab.experiments.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creamlab.positions.PositionScheme;
import org.creamlab.positions.PositionSchemes;
import org.creamlab.positions.SchemeSettings;
import org.creamlab.positions.WindowExtension;
import org.creamlab.train.Batch;
import org.creamlab.train.Trainer;
import org.creamlab.train.audit.SupervisionAudit;
import org.creamlab.train.audit.SupervisionReport;
import org.junit.jupiter.api.Test;

/**
 * The supervision audit of the study's fine-tuning data at its defaults (N = 128, f = 8, 16 rows of
 * N per step, full-length 2 rows of L, the calibrated episode mix): with the {@code rows} corpus every window-N method gets the
 * same learnable answer and copy targets (the comparison is fair by construction); the table of both
 * corpora is printed for docs/study.md.
 */
class FineTuneCorpusAuditTest {

    private static final WindowExtension STUDY = new WindowExtension(128, 8);
    private static final int STEPS = 100;
    private static final StudyData DATA = StudyData.miniature();

    static ExtensionBatches batches(String method, FineTuneCorpus corpus, Map<String, String> settings) {
        PositionScheme scheme = PositionSchemes.standard().create(method, STUDY, SchemeSettings.of(settings));
        int rows = scheme.sampleLength() > STUDY.window() ? 16 * STUDY.window() / scheme.sampleLength() : 16;
        return new ExtensionBatches(scheme, corpus,
                DATA.extensionDocuments(STUDY.window(), org.creamlab.data.EpisodeMix.parse(StudyData.CALIBRATED_MIX)),
                STUDY.targetLength(), rows,
                DATA.tokenizer().specialTokens().pad(), true);
    }

    static SupervisionReport audit(String method, FineTuneCorpus corpus, Map<String, String> settings) {
        return new SupervisionAudit(STUDY.targetLength(), 8).audit(batches(method, corpus, settings), 1, STEPS, 1);
    }

    @Test
    void creamAndPoseGetTheSameLearnableSupervisionFromTheRowsCorpus() {
        SupervisionReport cream = audit("cream", FineTuneCorpus.ROWS, Map.of());
        SupervisionReport pose = audit("pose", FineTuneCorpus.ROWS, Map.of());
        double ratio = cream.learnableRetrieval() / pose.learnableRetrieval();
        assertTrue(ratio > 0.8 && ratio < 1.25, "CREAM / PoSE learnable answer+copy targets per step: " + ratio);
        assertEquals(pose.learnableRetrieval(), cream.learnableRetrieval(), 1e-12, "the same rows: exactly equal");
        assertTrue(cream.learnableRetrieval() > 30, "a few dozen learnable retrieval targets a step: " + cream.learnableRetrieval());
        assertEquals(1.0, cream.learnableFraction(), 1e-12, "a row is a whole document: every evidence is in it");
        assertEquals(0.0, cream.rowsWithoutTarget(), 1e-12);
        // and CREAM trains longer distances than fit in the window: the point of the method
        assertTrue(cream.learnableAtLeast(STUDY.window()) > 1, "distances beyond N: " + cream.learnableAtLeast(STUDY.window()));
        assertTrue(pose.learnableAtLeast(STUDY.window()) > 1, "distances beyond N: " + pose.learnableAtLeast(STUDY.window()));
    }

    @Test
    void everyWindowMethodTrainsOnTheSameTokensWhateverItsPositionDraws() {
        for (long step : new long[] {0, 7}) {
            Batch cream = batches("cream", FineTuneCorpus.ROWS, Map.of()).batch(step, 0, Trainer.batchRandom(3, step, 0));
            for (String other : List.of("pose", "randpos")) {
                Batch b = batches(other, FineTuneCorpus.ROWS, Map.of()).batch(step, 0, Trainer.batchRandom(3, step, 0));
                assertTrue(java.util.Arrays.deepEquals(cream.tokens(), b.tokens()), other + " tokens at step " + step);
                assertTrue(java.util.Arrays.deepEquals(cream.lossMask(), b.lossMask()), other + " targets at step " + step);
                assertTrue(!java.util.Arrays.deepEquals(cream.positions(), b.positions()), other + " positions differ");
            }
        }
        // the documents corpus: CREAM's head (k = 4f: 32 or 42 tokens) and RandPos's runs both start with the
        // document's first tokens, and RandPos draws many more position numbers than CREAM: the first 32 tokens
        // of every row agree only if the documents come from a stream of their own
        for (long step : new long[] {0, 7}) {
            Batch d1 = batches("cream", FineTuneCorpus.DOCUMENTS, Map.of("k", "4f")).batch(step, 0, Trainer.batchRandom(3, step, 0));
            Batch d2 = batches("randpos", FineTuneCorpus.DOCUMENTS, Map.of()).batch(step, 0, Trainer.batchRandom(3, step, 0));
            boolean anyDifferentPositions = false;
            for (int r = 0; r < d1.batchSize(); r++) {
                assertArrayEquals(java.util.Arrays.copyOf(d1.tokens()[r], 32), java.util.Arrays.copyOf(d2.tokens()[r], 32),
                        "step " + step + ", row " + r);
                anyDifferentPositions |= !java.util.Arrays.equals(d1.positions()[r], d2.positions()[r]);
            }
            assertTrue(anyDifferentPositions, "the two schemes chose different position ids");
        }
    }

    /** Prints the audit table of both corpora (the figures in docs/study.md). */
    @Test
    void printsTheAuditOfBothCorpora() {
        Map<String, Map<String, String>> methods = new LinkedHashMap<>();
        methods.put("cream", Map.of());
        methods.put("cream k=4f", Map.of("k", "4f"));
        methods.put("pose", Map.of());
        methods.put("randpos", Map.of());
        methods.put("full", Map.of());
        StringBuilder table = new StringBuilder("| corpus | method | masked | answer | copy | filler | learnable retrieval"
                + " | share of loss | rows without target | learnable at distance >= N |\n");
        for (FineTuneCorpus corpus : FineTuneCorpus.values()) {
            for (var e : methods.entrySet()) {
                String method = e.getKey().split(" ")[0];
                SupervisionReport r = audit(method, corpus, e.getValue());
                table.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f%% | %.1f%% | %.1f |%n",
                        corpus.name().toLowerCase(Locale.ROOT), e.getKey(), r.maskedTargets(), r.answerTargets(),
                        r.copyTargets(), r.fillerTargets(), r.learnableRetrieval(), 100 * r.learnableShare(),
                        100 * r.rowsWithoutTarget(), r.learnableAtLeast(STUDY.window())));
                assertTrue(r.learnableRetrieval() <= r.retrievalTargets());
            }
        }
        System.out.println(table);
    }
}
