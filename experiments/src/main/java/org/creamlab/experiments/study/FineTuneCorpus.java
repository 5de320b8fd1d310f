package org.creamlab.experiments.study;

import java.util.Locale;

/**
 * Which tokens a fine-tuning row holds (parameter {@code corpus}).
 */
public enum FineTuneCorpus {
    /**
     * Fair by construction (the default): each row is its own document of exactly the scheme's
     * sample length ({@code N} for the window methods, {@code L} for full-length), a run of complete
     * task samples and gapped copies of random lengths up to the row length, in order; the scheme
     * only chooses the position ids. Every window-N method then trains on the same tokens and the
     * same learnable targets, and differs only in the position-id distances it puts between evidence
     * and target.
     */
    ROWS,
    /**
     * The earlier corpus: long documents of {@code L} tokens from which each scheme picks its
     * {@code N} tokens (CREAM's head, middle and tail; PoSE's chunks). The scheme's segment geometry
     * then decides how many answers keep their evidence (the supervision audit measures it).
     */
    DOCUMENTS;

    /** Parses a parameter value ({@code rows} or {@code documents}). */
    public static FineTuneCorpus of(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter 'corpus': unknown value '" + value + "' (rows, documents)");
        }
    }
}
