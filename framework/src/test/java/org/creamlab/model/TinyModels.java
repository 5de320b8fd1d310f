package org.creamlab.model;

import java.util.SplittableRandom;

/** Tiny configs and inputs shared by the model tests. */
final class TinyModels {

    private TinyModels() {}

    /** vocab 64, d 32, 2 layers, 4 heads, 2 kv heads (grouped-query), FFN 64. */
    static LlamaConfig gqa() {
        return LlamaConfig.builder().vocabSize(64).hiddenSize(32).layers(2).heads(4).kvHeads(2)
                .intermediateSize(64).window(32).build();
    }

    /** vocab 64, d 32, 2 layers, 4 heads, untied head. */
    static LlamaConfig untied() {
        return LlamaConfig.builder().vocabSize(64).hiddenSize(32).layers(2).heads(4)
                .intermediateSize(64).window(32).tiedEmbeddings(false).build();
    }

    static int[][] tokens(long seed, int b, int t, int vocab) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] x = new int[b][t];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                x[i][j] = r.nextInt(vocab);
            }
        }
        return x;
    }

    static long[][] positions(int b, int t, long offset) {
        long[][] p = new long[b][t];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < t; j++) {
                p[i][j] = offset + j;
            }
        }
        return p;
    }
}
