package org.creamlab.bench;

import java.util.Arrays;

/** Wall-time helpers shared by the measurements: best of a few runs, median. */
final class Timing {

    private Timing() {}

    /** Best wall time (s) of {@code reps} runs after one warm-up run. */
    static double bestOf(int reps, Runnable r) {
        r.run();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
