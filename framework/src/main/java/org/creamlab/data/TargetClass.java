package org.creamlab.data;

/**
 * What predicting one document token trains, for the supervision audit and the per-class loss.
 * Each token of a {@link TrainingDocument} has one class, the class of the prediction whose target it is.
 */
public enum TargetClass {
    /** Not a loss target (a random record draw, {@code <bos>}, a question's own tokens). */
    NONE,
    /** An answer token of a retrieval task: predictable only from its evidence, the gold record. */
    ANSWER,
    /** A copied token: predictable only from its source earlier in the document. */
    COPY,
    /** Predictable from local context alone: filler prose, {@code <eos>} after an answer or a copy. */
    FILLER;

    /** Whether a target of this class needs evidence from elsewhere in the context (answers and copies). */
    public boolean isRetrieval() {
        return this == ANSWER || this == COPY;
    }

    /** Lower-case label used in metric names, e.g. {@code answer}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
