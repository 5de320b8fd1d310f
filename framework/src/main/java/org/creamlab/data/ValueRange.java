package org.creamlab.data;

/**
 * The range answer numbers are drawn from (LongChat uses {@code [1, 50000]}, PoSE's pass key the
 * same). The miniature default {@code [1, 9999]} keeps answers at one or two tokens with two-digit
 * number pieces.
 *
 * @param min smallest value, at least 0
 * @param max largest value, at least {@code min}
 */
public record ValueRange(long min, long max) {

    public ValueRange {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("setting 'values': need 0 <= min <= max, got [" + min + ", " + max
                    + "]");
        }
    }

    /** {@code [1, 9999]}. */
    public static ValueRange miniature() {
        return new ValueRange(1, 9999);
    }

    /** How many values the range holds. */
    public long size() {
        return max - min + 1;
    }
}
