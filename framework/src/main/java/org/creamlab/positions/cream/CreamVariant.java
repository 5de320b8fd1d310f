package org.creamlab.positions.cream;

/** The two ways CREAM sizes the head and tail of a sample (paper Fig. 2). */
public enum CreamVariant {
    /** Head = tail = {@code N / 3} (integer division): the three parts have equal size. */
    RELATIVITY,
    /** Head = tail = {@code k} small (default {@code 4f}): the middle is long and contiguous. */
    CONTINUITY;

    /** The lower-case label used in samples and output. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
