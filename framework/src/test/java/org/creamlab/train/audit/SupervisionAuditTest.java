package org.creamlab.train.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.creamlab.data.TargetClass;
import org.creamlab.train.Batch;
import org.creamlab.train.BatchSource;
import org.creamlab.train.TargetLabels;
import org.junit.jupiter.api.Test;

class SupervisionAuditTest {

    private static final TargetClass N = TargetClass.NONE;
    private static final TargetClass A = TargetClass.ANSWER;
    private static final TargetClass C = TargetClass.COPY;
    private static final TargetClass F = TargetClass.FILLER;

    /**
     * Two rows of 6 tokens. Row 0 on ids 0,1,2,50,51,52: an answer at target 3 (token 4) whose evidence
     * is token 1 (learnable, distance 51 - 1 = 50), a copy at target 4 with no evidence in the row, filler
     * at target 0. Row 1: no target at all.
     */
    private static Batch batch() {
        int[][] tokens = new int[2][6];
        long[][] positions = {{0, 1, 2, 50, 51, 52}, {0, 1, 2, 3, 4, 5}};
        int[][] targets = new int[2][6];
        boolean[][] mask = {{true, false, false, true, true, false}, new boolean[6]};
        TargetClass[][] classes = {{F, N, N, A, C, N}, {N, N, N, N, N, N}};
        int[][] evidence = {{-1, -1, -1, 1, -1, -1}, {-1, -1, -1, -1, -1, -1}};
        return new Batch(tokens, positions, targets, mask, new TargetLabels(classes, evidence));
    }

    @Test
    void countsTargetsByClassLearnableOnesAndTheirDistances() {
        BatchSource source = (step, micro, random) -> batch();
        SupervisionReport r = new SupervisionAudit(64, 4).audit(source, 1, 3, 2);
        assertEquals(3, r.steps());
        assertEquals(4, r.rowsPerStep(), 1e-12, "2 rows x 2 micro-batches");
        assertEquals(6, r.maskedTargets(), 1e-12);
        assertEquals(2, r.answerTargets(), 1e-12);
        assertEquals(2, r.copyTargets(), 1e-12);
        assertEquals(2, r.fillerTargets(), 1e-12);
        assertEquals(2, r.learnableRetrieval(), 1e-12, "only the answer is learnable");
        assertEquals(2.0 / 6, r.learnableShare(), 1e-12);
        assertEquals(0.5, r.rowsWithoutTarget(), 1e-12);
        assertArrayEquals(new int[] {16, 32, 48, 64}, r.distanceBins());
        assertArrayEquals(new double[] {0, 0, 0, 2}, r.distanceCounts(), 1e-12, "distance 50 falls in [48, 64)");
        assertEquals(2, r.learnableAtLeast(48), 1e-12);
        assertEquals(0.5, r.learnableFraction(), 1e-12);
    }

    @Test
    void replaysTheTrainersRandomSources() {
        long[] seen = new long[2];
        BatchSource source = (step, micro, random) -> {
            seen[(int) step] = random.nextLong();
            return batch();
        };
        new SupervisionAudit(64, 4).audit(source, 7, 2, 1);
        assertEquals(org.creamlab.train.Trainer.batchRandom(7, 1, 0).nextLong(), seen[1]);
        assertEquals(org.creamlab.train.Trainer.batchRandom(7, 0, 0).nextLong(), seen[0]);
    }

    @Test
    void refusesUnlabelledBatchesAndBadSettings() {
        BatchSource plain = (step, micro, random) -> Batch.nextToken(new int[][] {{1, 2, 3}}, new long[][] {{0, 1, 2}});
        var e = assertThrows(IllegalArgumentException.class, () -> new SupervisionAudit(8, 2).audit(plain, 1, 1, 1));
        assertEquals("the batch source gives no target labels: nothing to audit", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SupervisionAudit(8, 9));
        assertThrows(IllegalArgumentException.class, () -> new SupervisionAudit(8, 2).audit(plain, 1, 0, 1));
    }

    @Test
    void labelsMustAgreeWithTheLossMask() {
        TargetClass[][] classes = {{A, N}};
        assertThrows(IllegalArgumentException.class, () -> new Batch(new int[1][2], new long[1][2], new int[1][2],
                new boolean[][] {{false, false}}, new TargetLabels(classes, new int[][] {{-1, -1}})));
    }
}
