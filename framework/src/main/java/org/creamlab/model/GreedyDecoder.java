package org.creamlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.creamlab.rope.RopeScaling;

/**
 * Greedy decoding (argmax, ties to the lowest id) with a {@link KvCache}, plus an uncached
 * reference that re-runs the whole sequence for every token. Generated tokens get position ids
 * continuing from the prompt's last id (+1 per token). Rows of a batch must share a length.
 */
public final class GreedyDecoder {

    private final LlamaModel model;
    private final RopeScaling scaling;

    public GreedyDecoder(LlamaModel model, RopeScaling scaling) {
        this.model = model;
        this.scaling = scaling;
    }

    /**
     * @param prompts {@code [B][P]} prompt tokens, P the same for every row
     * @param positions {@code [B][P]} their position ids
     * @param maxNewTokens how many tokens to generate per row
     * @param stopToken a row stops (and is padded with it) once it emits this id; -1 for none
     * @return {@code [B][n]} generated tokens, n <= maxNewTokens (shorter when every row stopped)
     */
    public int[][] decode(NDManager parent, int[][] prompts, long[][] positions, int maxNewTokens, int stopToken) {
        checkArgs(prompts, positions, maxNewTokens);
        int b = prompts.length;
        int[][] out = new int[b][maxNewTokens];
        boolean[] stopped = new boolean[b];
        long[] next = lastPositions(positions);
        try (NDManager session = parent.newSubManager(); KvCache cache = model.newCache(session)) {
            int[][] input = prompts;
            long[][] inputPositions = positions;
            for (int step = 0; step < maxNewTokens; step++) {
                int[] chosen;
                try (NDManager m = session.newSubManager()) {
                    chosen = argmaxLast(model.step(m, cache, input, inputPositions, scaling, true));
                }
                if (record(out, step, chosen, stopped, stopToken)) {
                    return trim(out, step + 1);
                }
                input = new int[b][1];
                inputPositions = new long[b][1];
                for (int i = 0; i < b; i++) {
                    input[i][0] = out[i][step];
                    inputPositions[i][0] = ++next[i];
                }
            }
        }
        return out;
    }

    /** The same as {@link #decode} without a cache: the reference the cached path must equal. */
    public int[][] decodeUncached(NDManager parent, int[][] prompts, long[][] positions, int maxNewTokens, int stopToken) {
        checkArgs(prompts, positions, maxNewTokens);
        int b = prompts.length;
        int p = prompts[0].length;
        int[][] out = new int[b][maxNewTokens];
        boolean[] stopped = new boolean[b];
        long[] last = lastPositions(positions);
        for (int step = 0; step < maxNewTokens; step++) {
            int[][] seq = new int[b][p + step];
            long[][] pos = new long[b][p + step];
            for (int i = 0; i < b; i++) {
                System.arraycopy(prompts[i], 0, seq[i], 0, p);
                System.arraycopy(positions[i], 0, pos[i], 0, p);
                for (int j = 0; j < step; j++) {
                    seq[i][p + j] = out[i][j];
                    pos[i][p + j] = last[i] + 1 + j;
                }
            }
            int[] chosen;
            try (NDManager m = parent.newSubManager()) {
                chosen = argmaxLast(model.logitsLowMemory(m, seq, pos, scaling, LlamaModel.DEFAULT_QUERY_CHUNK, true));
            }
            if (record(out, step, chosen, stopped, stopToken)) {
                return trim(out, step + 1);
            }
        }
        return out;
    }

    /** Row-wise argmax of {@code (B, 1, V)} logits, ties to the lowest id. */
    static int[] argmaxLast(NDArray logits) {
        int b = Math.toIntExact(logits.getShape().get(0));
        int v = Math.toIntExact(logits.getShape().get(2));
        float[] values = logits.toFloatArray();
        int[] best = new int[b];
        for (int i = 0; i < b; i++) {
            int arg = 0;
            float max = values[i * v];
            for (int j = 1; j < v; j++) {
                if (values[i * v + j] > max) {
                    max = values[i * v + j];
                    arg = j;
                }
            }
            best[i] = arg;
        }
        return best;
    }

    private static boolean record(int[][] out, int step, int[] chosen, boolean[] stopped, int stopToken) {
        boolean all = true;
        for (int i = 0; i < out.length; i++) {
            out[i][step] = stopped[i] ? stopToken : chosen[i];
            if (stopToken >= 0 && out[i][step] == stopToken) {
                stopped[i] = true;
            }
            all &= stopped[i];
        }
        return all;
    }

    private static int[][] trim(int[][] out, int n) {
        int[][] t = new int[out.length][];
        for (int i = 0; i < out.length; i++) {
            t[i] = java.util.Arrays.copyOf(out[i], n);
        }
        return t;
    }

    private static long[] lastPositions(long[][] positions) {
        long[] last = new long[positions.length];
        for (int i = 0; i < positions.length; i++) {
            last[i] = positions[i][positions[i].length - 1];
        }
        return last;
    }

    private static void checkArgs(int[][] prompts, long[][] positions, int maxNewTokens) {
        if (maxNewTokens <= 0) {
            throw new IllegalArgumentException("maxNewTokens must be positive, got " + maxNewTokens);
        }
        if (prompts.length == 0 || prompts.length != positions.length) {
            throw new IllegalArgumentException("prompts and positions must have the same, non-zero number of rows");
        }
    }
}
