package org.creamlab.positions.cream;

import java.util.OptionalInt;

/**
 * The position layout of one CREAM sample: head ids {@code 0 .. L_h-1}, middle ids
 * {@code P_s .. P_e}, tail ids {@code L-L_t .. L-1}.
 *
 * @param variant relativity or continuity
 * @param headLength {@code L_h}
 * @param middleStart {@code P_s}
 * @param middleEnd {@code P_e}
 * @param tailLength {@code L_t}
 * @param scale the drawn {@code r} in {@code [2, 2f]}; empty for the {@code uniform-end} middle
 */
public record CreamLayout(CreamVariant variant, int headLength, int middleStart, int middleEnd, int tailLength,
        OptionalInt scale) {

    public CreamLayout {
        if (variant == null || scale == null) {
            throw new IllegalArgumentException("variant and scale are required");
        }
        if (headLength < 1 || tailLength < 1 || middleEnd < middleStart || middleStart < headLength) {
            throw new IllegalArgumentException("invalid layout: head " + headLength + ", middle " + middleStart
                    + ".." + middleEnd + ", tail " + tailLength);
        }
    }

    /** {@code L_m = P_e - P_s + 1}. */
    public int middleLength() {
        return middleEnd - middleStart + 1;
    }

    /** The middle's centre {@code (P_s + P_e) / 2}. */
    public double middleCentre() {
        return (middleStart + middleEnd) / 2.0;
    }
}
