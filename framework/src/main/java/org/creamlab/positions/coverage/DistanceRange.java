package org.creamlab.positions.coverage;

/** The integer distances {@code low .. high}, both inclusive, {@code 0 <= low <= high}. */
public record DistanceRange(int low, int high) {

    public DistanceRange {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("invalid distance range [" + low + ", " + high + "]");
        }
    }

    /** Number of distances, {@code high - low + 1}. */
    public int size() {
        return high - low + 1;
    }

    public boolean contains(int distance) {
        return distance >= low && distance <= high;
    }
}
