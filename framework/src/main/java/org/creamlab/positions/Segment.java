package org.creamlab.positions;

/**
 * A run of a sample over which both the position id and the document token offset advance by one
 * per token: the sample's entries {@code start .. start + length - 1} carry position ids
 * {@code firstPositionId + i} and take document tokens {@code firstTokenOffset + i}.
 *
 * @param label what the run is in its scheme, e.g. {@code head}, {@code middle}, {@code tail},
 *     {@code chunk0}, {@code run}
 * @param start index of the run's first entry in the sample
 * @param length number of entries, at least 1
 * @param firstPositionId position id of the first entry
 * @param firstTokenOffset document offset of the first entry's token
 */
public record Segment(String label, int start, int length, int firstPositionId, int firstTokenOffset) {

    public Segment {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("segment label must be non-blank");
        }
        if (start < 0 || length < 1 || firstPositionId < 0 || firstTokenOffset < 0) {
            throw new IllegalArgumentException("segment " + label + " needs start >= 0, length >= 1 and"
                    + " non-negative ids, got start " + start + ", length " + length + ", firstPositionId "
                    + firstPositionId + ", firstTokenOffset " + firstTokenOffset);
        }
    }

    /** Position id of the last entry. */
    public int lastPositionId() {
        return firstPositionId + length - 1;
    }

    /** Index in the sample just after this run. */
    public int end() {
        return start + length;
    }
}
