package org.creamlab.experiments.study;

import java.util.SplittableRandom;
import org.creamlab.data.TrainingDocument;
import org.creamlab.train.Batch;
import org.creamlab.train.BatchSource;

/**
 * Batches of whole documents inside the window: each row is one document (at most {@code window}
 * tokens) on positions {@code 0..n-1}, right-padded; the loss covers the tokens from the document's
 * answer start on (every token after {@code <bos>} for filler). Causal attention keeps padding from
 * affecting real tokens, and padded positions carry no loss.
 */
final class DocumentBatches implements BatchSource {

    /** Draws the document of one row. */
    interface DocumentDraw {
        TrainingDocument draw(long step, SplittableRandom random);
    }

    private final int window;
    private final int rows;
    private final int pad;
    private final DocumentDraw draw;
    private final Curriculum curriculum;

    /** @param curriculum the evolving state the draw depends on (checkpointed), or null */
    DocumentBatches(int window, int rows, int pad, DocumentDraw draw, Curriculum curriculum) {
        this.window = window;
        this.rows = rows;
        this.pad = pad;
        this.draw = draw;
        this.curriculum = curriculum;
    }

    @Override
    public String state() {
        return curriculum == null ? "" : curriculum.state();
    }

    @Override
    public void restore(String state) {
        if (curriculum != null) {
            curriculum.restore(state);
        } else {
            BatchSource.super.restore(state);
        }
    }

    @Override
    public Batch batch(long step, int micro, SplittableRandom random) {
        int[][] tokens = new int[rows][window];
        long[][] positions = new long[rows][window];
        int[][] targets = new int[rows][window];
        boolean[][] mask = new boolean[rows][window];
        for (int r = 0; r < rows; r++) {
            TrainingDocument doc = draw.draw(step, random);
            if (doc.length() > window) {
                throw new IllegalStateException("a " + doc.kind() + " document of " + doc.length()
                        + " tokens does not fit the window of " + window);
            }
            int[] t = doc.tokens();
            for (int i = 0; i < window; i++) {
                tokens[r][i] = i < t.length ? t[i] : pad;
                positions[r][i] = i;
                if (i + 1 < t.length) {
                    targets[r][i] = t[i + 1];
                    mask[r][i] = i + 1 >= doc.answerStart();
                }
            }
        }
        return new Batch(tokens, positions, targets, mask);
    }
}
