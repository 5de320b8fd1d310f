package org.creamlab.cluster;

import java.util.ArrayList;
import java.util.List;

/** Slurm's {@code --array} list for a set of sweep indices: {@code 0-3,7,9-12}, ranges where consecutive. */
final class ArrayIndices {

    private ArrayIndices() {}

    /**
     * @param indices ascending, distinct, non-negative
     * @param parallel at most this many tasks at once ({@code %N}), 0 for no limit
     */
    static String of(List<Integer> indices, int parallel) {
        if (indices.isEmpty()) {
            throw new IllegalArgumentException("no indices");
        }
        List<String> parts = new ArrayList<>();
        int start = indices.get(0);
        int previous = start;
        for (int i = 1; i <= indices.size(); i++) {
            Integer k = i < indices.size() ? indices.get(i) : null;
            if (k != null && k <= previous) {
                throw new IllegalArgumentException("indices must ascend: " + indices);
            }
            if (k == null || k != previous + 1) {
                parts.add(start == previous ? Integer.toString(start) : start + "-" + previous);
                if (k != null) {
                    start = k;
                }
            }
            if (k != null) {
                previous = k;
            }
        }
        return String.join(",", parts) + (parallel > 0 ? "%" + parallel : "");
    }
}
