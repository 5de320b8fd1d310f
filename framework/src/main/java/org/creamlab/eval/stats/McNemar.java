package org.creamlab.eval.stats;

/**
 * McNemar's exact test for paired binary outcomes: under the null, the {@code b + c} discordant pairs
 * (A right and B wrong: {@code b}; A wrong and B right: {@code c}) split as Binomial(b + c, 1/2).
 */
public final class McNemar {

    private McNemar() {}

    /**
     * Two-sided exact p-value {@code min(1, 2 P(X <= min(b, c)))}, X ~ Binomial(b + c, 1/2); 1 when there
     * are no discordant pairs.
     */
    public static double exactPValue(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must be >= 0, got b " + b + ", c " + c);
        }
        int n = b + c;
        if (n == 0) {
            return 1;
        }
        int k = Math.min(b, c);
        double tail = 0;
        for (int i = 0; i <= k; i++) {
            tail += Math.exp(logChoose(n, i) - n * Math.log(2));
        }
        return Math.min(1, 2 * tail);
    }

    /** The discordant counts of two paired outcome vectors: {@code {b, c}}. */
    public static int[] discordant(boolean[] a, boolean[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired outcomes differ in length: " + a.length + " vs " + b.length);
        }
        int onlyA = 0;
        int onlyB = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] && !b[i]) {
                onlyA++;
            } else if (!a[i] && b[i]) {
                onlyB++;
            }
        }
        return new int[] {onlyA, onlyB};
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }
}
