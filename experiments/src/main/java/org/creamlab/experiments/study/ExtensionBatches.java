package org.creamlab.experiments.study;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.creamlab.data.LongDocumentGenerator;
import org.creamlab.data.TargetClass;
import org.creamlab.data.TrainingDocument;
import org.creamlab.positions.PositionSample;
import org.creamlab.positions.PositionSampler;
import org.creamlab.positions.PositionScheme;
import org.creamlab.train.Batch;
import org.creamlab.train.BatchSource;
import org.creamlab.train.TargetLabels;

/**
 * Extension fine-tuning data: rows of {@code sampleLength} tokens with the position ids a
 * {@link PositionScheme} chooses (CREAM's head/middle/tail, PoSE's two chunks, ...), from one of the
 * two {@link FineTuneCorpus corpora}. The loss is the language-model loss on every target the
 * document marks predictable ({@link TrainingDocument#isLossTarget}: answers, copies, filler; not the
 * random keys, values and numbers of a record). The paper's loss covers every token of natural text;
 * on these synthetic documents the record tokens are uniform random draws, and their loss (about
 * ln 768 each) was measured to swamp the fine-tuning (docs/study.md).
 *
 * <p>Each step's random source is split in two before anything is drawn: one stream for the
 * documents, one for the position ids. Every method therefore trains on the same documents whatever
 * its position draws. Every batch carries {@link TargetLabels}: each target's class and, for answers
 * and copies, whether its evidence and preceding token are in the row (the supervision audit).
 */
final class ExtensionBatches implements BatchSource {

    private static final int MAX_REDRAWS = 1000;

    private final PositionScheme scheme;
    private final FineTuneCorpus corpus;
    private final LongDocumentGenerator documents;
    private final int documentLength;
    private final int rows;
    private final int pad;
    private final boolean fillerLoss;
    private final SpanningRows spanning;

    /**
     * @param documentLength {@code L}: the long documents' length ({@code documents} corpus) and the
     *     length position samples are drawn for
     * @param rows rows per batch
     * @param pad the padding token (a full-length row of a document shorter than L)
     * @param fillerLoss whether filler targets (prose, {@code <eos>}) carry loss; without them the loss is
     *     on answers and copies only
     */
    ExtensionBatches(PositionScheme scheme, FineTuneCorpus corpus, LongDocumentGenerator documents, int documentLength,
                     int rows, int pad, boolean fillerLoss) {
        this(scheme, corpus, documents, documentLength, rows, pad, fillerLoss, SpanningRows.NONE);
    }

    /**
     * @param spanning whether and how full-length rows span the row with one task sample (rows of N
     *     never do)
     */
    ExtensionBatches(PositionScheme scheme, FineTuneCorpus corpus, LongDocumentGenerator documents, int documentLength,
                     int rows, int pad, boolean fillerLoss, SpanningRows spanning) {
        this.spanning = spanning;
        this.fillerLoss = fillerLoss;
        this.scheme = scheme;
        this.corpus = corpus;
        this.documents = documents;
        this.documentLength = documentLength;
        this.rows = rows;
        this.pad = pad;
    }

    @Override
    public Batch batch(long step, int micro, SplittableRandom random) {
        SplittableRandom documentRandom = random.split();
        SplittableRandom positionRandom = random.split();
        int t = scheme.sampleLength();
        Rows out = new Rows(rows, t);
        PositionSampler sampler = scheme.sampler(positionRandom);
        boolean anyTarget = false;
        for (int r = 0; r < rows; r++) {
            anyTarget |= fillRow(r, sampler, documentRandom, out);
        }
        // a batch of only record chunks (possible with a few rows of long documents) would carry no loss:
        // redraw its first row until it has a target. Batches with a target anywhere are left as drawn.
        for (int tries = 0; !anyTarget; tries++) {
            if (tries == MAX_REDRAWS) {
                throw new IllegalStateException("step " + step + ": " + MAX_REDRAWS
                        + " redrawn rows had no loss target; the documents have no predictable tokens");
            }
            anyTarget = fillRow(0, sampler, documentRandom, out);
        }
        return new Batch(out.tokens, out.positions, out.targets, out.mask, new TargetLabels(out.classes, out.evidence));
    }

    /** Draws row {@code r}'s document and positions; returns whether it has a loss target. */
    private boolean fillRow(int r, PositionSampler sampler, SplittableRandom documentRandom, Rows out) {
        int t = out.tokens[r].length;
        TrainingDocument doc;
        int[] ids;
        int[] offsets;
        if (corpus == FineTuneCorpus.ROWS) {
            // only rows of L draw for the spanning layout: the window methods' stream is untouched
            boolean span = spanning.share() > 0 && t >= documentLength && documentRandom.nextDouble() < spanning.share();
            doc = span
                    ? documents.spanning(documentRandom, t, spanning.kvQuestions(), spanning.linesQuestions())
                    : documents.episodes(documentRandom, t, t);
            ids = sampler.next(documentLength).positionIds();
            offsets = identity(t);
        } else {
            // task documents land up to one line short of L; a scheme samples within the actual length
            doc = documents.next(documentRandom, documentLength);
            if (doc.length() >= scheme.minimumDocumentLength()) {
                PositionSample sample = sampler.next(doc.length());
                ids = sample.positionIds();
                offsets = sample.tokenOffsets();
            } else {
                // only the full-length scheme (L ids) can meet a document shorter than it: take it whole
                ids = identity(doc.length());
                offsets = ids;
            }
        }
        return out.fill(r, doc, ids, offsets, pad, fillerLoss);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** The arrays of one batch under construction. */
    private static final class Rows {
        final int[][] tokens;
        final long[][] positions;
        final int[][] targets;
        final boolean[][] mask;
        final TargetClass[][] classes;
        final int[][] evidence;

        Rows(int rows, int t) {
            tokens = new int[rows][t];
            positions = new long[rows][t];
            targets = new int[rows][t];
            mask = new boolean[rows][t];
            classes = new TargetClass[rows][t];
            evidence = new int[rows][t];
        }

        /**
         * Row {@code r}: document tokens at {@code offsets} on position ids {@code ids} (padded past
         * them), the next-token targets the document marks, and their labels. A retrieval target is
         * learnable when its document predecessor is the row's previous token and its evidence offset
         * is at a row index up to that one.
         */
        boolean fill(int r, TrainingDocument doc, int[] ids, int[] offsets, int pad, boolean fillerLoss) {
            int t = tokens[r].length;
            Arrays.fill(targets[r], 0);
            Arrays.fill(mask[r], false);
            Arrays.fill(classes[r], TargetClass.NONE);
            Arrays.fill(evidence[r], -1);
            for (int i = 0; i < t; i++) {
                boolean real = i < ids.length;
                tokens[r][i] = real ? doc.token(offsets[i]) : pad;
                positions[r][i] = real ? ids[i] : ids[ids.length - 1] + (i - ids.length + 1);
            }
            int[] rowOf = new int[doc.length()];
            Arrays.fill(rowOf, -1);
            boolean any = false;
            for (int i = 0; i + 1 < ids.length; i++) {
                rowOf[offsets[i]] = i;
                int next = offsets[i + 1];
                targets[r][i] = tokens[r][i + 1];
                mask[r][i] = doc.isLossTarget(next) && (fillerLoss || doc.targetClass(next) != TargetClass.FILLER);
                if (!mask[r][i]) {
                    continue;
                }
                any = true;
                classes[r][i] = doc.targetClass(next);
                int e = doc.evidence(next);
                if (classes[r][i].isRetrieval() && e >= 0 && offsets[i] == next - 1 && rowOf[e] >= 0) {
                    evidence[r][i] = rowOf[e];
                }
            }
            return any;
        }
    }
}
