package org.creamlab.data;

import org.creamlab.positions.PositionSample;

/**
 * Turns a long document and a position layout into a fine-tuning sample. This is the only glue
 * between data and positions; batching and the loss are the trainer's.
 */
public final class ExtensionSamples {

    private ExtensionSamples() {}

    /**
     * The tokens at {@code layout}'s offsets with its position ids. A token is a loss target when its
     * offset is at or after the document's {@code answerStart} (for filler: every token after
     * {@code <bos>}) and it is not the sample's first token.
     *
     * @throws IllegalArgumentException if the layout was drawn for another document length
     */
    public static ExtensionSample of(TrainingDocument document, PositionSample layout) {
        if (layout.documentLength() != document.length()) {
            throw new IllegalArgumentException("layout drawn for a document of " + layout.documentLength()
                    + " tokens, this one has " + document.length());
        }
        int[] offsets = layout.tokenOffsets();
        int[] tokens = new int[offsets.length];
        boolean[] mask = new boolean[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            tokens[i] = document.token(offsets[i]);
            mask[i] = i > 0 && offsets[i] >= document.answerStart();
        }
        return new ExtensionSample(tokens, layout.positionIds(), mask);
    }
}
