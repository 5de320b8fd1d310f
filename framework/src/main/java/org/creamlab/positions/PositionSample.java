package org.creamlab.positions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training sample's layout: which position id each token gets and which document token goes
 * there.
 *
 * <p>The layout is stored as its {@link Segment}s, which tile the sample in order; the per-token
 * arrays {@link #positionIds()} and {@link #tokenOffsets()} are derived from them. The constructor
 * checks the contract every scheme promises: segments start at index 0 and follow each other
 * without gaps, position ids are strictly increasing over the whole sample, and every token offset
 * lies in {@code [0, documentLength)}. (Token offsets need not increase: CREAM's tail is always the
 * document's end, and its middle may overlap it, as in the released code.)
 *
 * @param scheme the registry name of the scheme that drew the sample
 * @param variant the kind of sample within its scheme, e.g. CREAM's {@code relativity} or
 *     {@code continuity}; schemes with a single kind use their own name
 * @param documentLength length in tokens of the document the offsets index
 * @param segments the runs, in sample order
 * @param draws the random draws behind the sample, by name (e.g. CREAM's {@code r} and
 *     {@code middleEnd}), in draw order; for inspection and storage only
 */
public record PositionSample(String scheme, String variant, int documentLength, List<Segment> segments,
        Map<String, Integer> draws) {

    public PositionSample {
        if (scheme == null || scheme.isBlank() || variant == null || variant.isBlank()) {
            throw new IllegalArgumentException("scheme and variant must be non-blank");
        }
        segments = List.copyOf(segments);
        draws = Collections.unmodifiableMap(new LinkedHashMap<>(draws));
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a sample needs at least one segment");
        }
        int expectedStart = 0;
        long previousLastId = -1;
        for (Segment s : segments) {
            if (s.start() != expectedStart) {
                throw new IllegalArgumentException("segment " + s.label() + " starts at " + s.start()
                        + ", expected " + expectedStart + " (segments must tile the sample in order)");
            }
            if (s.firstPositionId() <= previousLastId) {
                throw new IllegalArgumentException("position ids must be strictly increasing: segment "
                        + s.label() + " starts at id " + s.firstPositionId() + " after id " + previousLastId);
            }
            if ((long) s.firstTokenOffset() + s.length() > documentLength) {
                throw new IllegalArgumentException("segment " + s.label() + " takes tokens "
                        + s.firstTokenOffset() + ".." + ((long) s.firstTokenOffset() + s.length() - 1)
                        + " from a document of length " + documentLength);
            }
            expectedStart = s.end();
            previousLastId = (long) s.firstPositionId() + s.length() - 1;
        }
    }

    /** Number of tokens in the sample. */
    public int length() {
        return segments.get(segments.size() - 1).end();
    }

    /** The position id of each token; a new array of {@link #length()} strictly increasing ids. */
    public int[] positionIds() {
        int[] ids = new int[length()];
        for (Segment s : segments) {
            for (int i = 0; i < s.length(); i++) {
                ids[s.start() + i] = s.firstPositionId() + i;
            }
        }
        return ids;
    }

    /** The document offset of each token; a new array of {@link #length()} offsets. */
    public int[] tokenOffsets() {
        int[] offsets = new int[length()];
        for (Segment s : segments) {
            for (int i = 0; i < s.length(); i++) {
                offsets[s.start() + i] = s.firstTokenOffset() + i;
            }
        }
        return offsets;
    }

    /** The segment with this label. */
    public Segment segment(String label) {
        for (Segment s : segments) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("sample of " + scheme + " has no segment " + label);
    }
}
