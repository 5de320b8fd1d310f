package org.creamlab.experiments.study;

import java.util.SplittableRandom;
import org.creamlab.data.LongDocumentGenerator;
import org.creamlab.data.TrainingDocument;
import org.creamlab.positions.PositionSample;
import org.creamlab.positions.PositionSampler;
import org.creamlab.positions.PositionScheme;
import org.creamlab.train.Batch;
import org.creamlab.train.BatchSource;

/**
 * Extension fine-tuning data: long documents of exactly {@code L} tokens, from which a
 * {@link PositionScheme} picks {@code sampleLength} tokens and their position ids (CREAM's
 * head/middle/tail, PoSE's two chunks, ...). The loss is the language-model loss on every picked
 * token after the first that the document marks predictable ({@link TrainingDocument#isLossTarget}:
 * answers, copies, filler; not the random keys, values and numbers of a record). The paper's loss
 * covers every token of natural text; on these synthetic documents the record tokens are uniform
 * random draws, and their loss (about ln 768 each) was measured to swamp the fine-tuning: with it,
 * no retrieval task recovered in 250-1,000 steps (docs/study.md). Every method
 * gets the same documents and the same rule.
 */
final class ExtensionBatches implements BatchSource {

    private final PositionScheme scheme;
    private final LongDocumentGenerator documents;
    private final int documentLength;
    private final int rows;
    private final int pad;

    ExtensionBatches(PositionScheme scheme, LongDocumentGenerator documents, int documentLength, int rows, int pad) {
        this.scheme = scheme;
        this.pad = pad;
        this.documents = documents;
        this.documentLength = documentLength;
        this.rows = rows;
    }

    private static final int MAX_REDRAWS = 1000;

    @Override
    public Batch batch(long step, int micro, SplittableRandom random) {
        int t = scheme.sampleLength();
        int[][] tokens = new int[rows][t];
        long[][] positions = new long[rows][t];
        int[][] targets = new int[rows][t];
        boolean[][] mask = new boolean[rows][t];
        var sampler = scheme.sampler(random);
        boolean anyTarget = false;
        for (int r = 0; r < rows; r++) {
            anyTarget |= fillRow(r, sampler, random, tokens, positions, targets, mask);
        }
        // a batch of only record chunks (possible with a few rows) would carry no loss at all: redraw its
        // first row until it has a target. Batches with a target anywhere are left exactly as drawn.
        for (int tries = 0; !anyTarget; tries++) {
            if (tries == MAX_REDRAWS) {
                throw new IllegalStateException("step " + step + ": " + MAX_REDRAWS
                        + " redrawn rows had no loss target; the documents have no predictable tokens");
            }
            anyTarget = fillRow(0, sampler, random, tokens, positions, targets, mask);
        }
        return new Batch(tokens, positions, targets, mask);
    }

    /** Draws row {@code r}'s document and picks its tokens; returns whether it has a loss target. */
    private boolean fillRow(int r, PositionSampler sampler, SplittableRandom random, int[][] tokens, long[][] positions,
                            int[][] targets, boolean[][] mask) {
        int t = tokens[r].length;
        java.util.Arrays.fill(targets[r], 0);
        java.util.Arrays.fill(mask[r], false);
        // task documents land up to one line short of L; a scheme samples within the actual length
        TrainingDocument doc = documents.next(random, documentLength);
        int[] ids;
        int[] offsets;
        if (doc.length() >= scheme.minimumDocumentLength()) {
            PositionSample sample = sampler.next(doc.length());
            ids = sample.positionIds();
            offsets = sample.tokenOffsets();
        } else {
            // only the full-length scheme (L ids) can meet a document shorter than it: take it whole
            ids = new int[doc.length()];
            offsets = new int[doc.length()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i;
                offsets[i] = i;
            }
        }
        for (int i = 0; i < t; i++) {
            boolean real = i < ids.length;
            tokens[r][i] = real ? doc.token(offsets[i]) : pad;
            positions[r][i] = real ? ids[i] : ids[ids.length - 1] + (i - ids.length + 1);
        }
        boolean any = false;
        for (int i = 0; i + 1 < ids.length; i++) {
            targets[r][i] = tokens[r][i + 1];
            mask[r][i] = doc.isLossTarget(offsets[i + 1]);
            any |= mask[r][i];
        }
        return any;
    }
}
