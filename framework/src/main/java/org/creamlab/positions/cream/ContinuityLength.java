package org.creamlab.positions.cream;

import org.creamlab.positions.WindowExtension;

/**
 * How long CREAM's continuity head and tail are (setting {@code k}): the paper's proportion of the
 * window, the released code's {@code 4f}, or a fixed number of tokens.
 *
 * <p>The paper says only "a small value k"; its code uses {@code 4f}, which is 32 at its
 * {@code N = 4096, f = 8}: 1/128 of the window, so the middle gets 98% of it. At this project's
 * {@code N = 128} the same {@code 4f = 32} leaves the middle only half the window, and continuity and
 * relativity ({@code N/3}) barely differ. {@link #windowFraction()} keeps the paper's proportion:
 * {@code k = max(1, round(N * 32 / 4096))}, so 32 at {@code N = 4096} (the code's value there) and
 * 1 at {@code N = 128}. See docs/positions.md.
 *
 * @param rule which rule
 * @param tokens the fixed length for {@link Rule#FIXED}, else 0
 */
public record ContinuityLength(Rule rule, int tokens) {

    /** The rules. */
    public enum Rule {
        /** {@code k = max(1, round(N / 128))}: the paper's 32 of 4096. Setting value {@code n/128}. */
        WINDOW_FRACTION,
        /** {@code k = 4f}, the released code's. Setting value {@code 4f}. */
        FOUR_F,
        /** A fixed {@code k}. Setting value: the integer. */
        FIXED
    }

    /** The paper's window at which the code's {@code k = 4f = 32} was used. */
    static final int PAPER_WINDOW = 4096;
    /** The code's {@code k} at the paper's window and factor 8. */
    static final int PAPER_K = 32;

    public ContinuityLength {
        if (rule == null) {
            throw new IllegalArgumentException("k: a rule is required");
        }
        if (rule == Rule.FIXED ? tokens < 1 : tokens != 0) {
            throw new IllegalArgumentException("k (continuity head/tail length) must be >= 1, got " + tokens);
        }
    }

    /** The paper's proportion of the window (the default). */
    public static ContinuityLength windowFraction() {
        return new ContinuityLength(Rule.WINDOW_FRACTION, 0);
    }

    /** The released code's {@code 4f}. */
    public static ContinuityLength fourF() {
        return new ContinuityLength(Rule.FOUR_F, 0);
    }

    /** A fixed {@code k}. */
    public static ContinuityLength fixed(int k) {
        return new ContinuityLength(Rule.FIXED, k);
    }

    /**
     * Parses a setting value: {@code n/128}, {@code 4f} or a positive integer.
     *
     * @throws IllegalArgumentException naming the setting otherwise
     */
    public static ContinuityLength parse(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("n/128")) {
            return windowFraction();
        }
        if (v.equals("4f")) {
            return fourF();
        }
        try {
            return fixed(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting 'k': expected n/128, 4f or a positive integer, got '" + value + "'");
        }
    }

    /** {@code k} for a window and factor. */
    public int resolve(WindowExtension extension) {
        return switch (rule) {
            case WINDOW_FRACTION -> Math.max(1, (int) Math.round((double) extension.window() * PAPER_K / PAPER_WINDOW));
            case FOUR_F -> 4 * extension.factor();
            case FIXED -> tokens;
        };
    }

    /** The setting value that gives this length. */
    @Override
    public String toString() {
        return switch (rule) {
            case WINDOW_FRACTION -> "n/128";
            case FOUR_F -> "4f";
            case FIXED -> Integer.toString(tokens);
        };
    }
}
