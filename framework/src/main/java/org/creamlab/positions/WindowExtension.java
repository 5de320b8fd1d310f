package org.creamlab.positions;

/**
 * The geometry of a context extension: a model pre-trained at window {@code N} is fine-tuned
 * toward the target length {@code L = f * N}.
 *
 * <p>Every position scheme is built for one extension. Position ids of its samples lie in
 * {@code [0, L)}.
 *
 * @param window the pre-trained window {@code N}; at least 3 (CREAM splits it into three parts)
 * @param factor the integer extension factor {@code f}; at least 2, and {@code f * N} must fit in an int
 */
public record WindowExtension(int window, int factor) {

    public WindowExtension {
        if (window < 3) {
            throw new IllegalArgumentException("window N must be >= 3, got " + window);
        }
        if (factor < 2) {
            throw new IllegalArgumentException("factor f must be >= 2 (target length L = f * N), got " + factor);
        }
        if ((long) window * factor > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "target length L = factor f * window N is too large: " + factor + " * " + window);
        }
    }

    /** The target length {@code L = f * N}. */
    public int targetLength() {
        return window * factor;
    }
}
