package org.creamlab.bench;

import java.util.SplittableRandom;

/** Random token ids and plain positions {@code 0..T-1} for the benchmark's inputs. */
final class SyntheticTokens {

    private SyntheticTokens() {}

    /** {@code b} rows of {@code t} token ids uniform in {@code [0, vocab)}. */
    static int[][] tokens(SplittableRandom r, int b, int t, int vocab) {
        int[][] x = new int[b][t];
        for (int[] row : x) {
            for (int j = 0; j < t; j++) {
                row[j] = r.nextInt(vocab);
            }
        }
        return x;
    }

    /** {@code b} rows of positions {@code 0..t-1}. */
    static long[][] positions(int b, int t) {
        long[][] p = new long[b][t];
        for (long[] row : p) {
            for (int j = 0; j < t; j++) {
                row[j] = j;
            }
        }
        return p;
    }
}
