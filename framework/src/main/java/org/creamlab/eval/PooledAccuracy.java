package org.creamlab.eval;

/**
 * Correct outcomes out of all outcomes, pooled over several cells (for instance every length of one task).
 *
 * @param correct how many outcomes were correct, 0 <= correct <= total
 * @param total how many outcomes were pooled, >= 0
 */
public record PooledAccuracy(long correct, long total) {

    public PooledAccuracy {
        if (total < 0 || correct < 0 || correct > total) {
            throw new IllegalArgumentException("need 0 <= correct <= total, got " + correct + " of " + total);
        }
    }

    /** correct / total; NaN when nothing was pooled. */
    public double accuracy() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /** The tally of one cell's outcomes. */
    public static PooledAccuracy of(boolean[] outcomes) {
        long right = 0;
        for (boolean ok : outcomes) {
            right += ok ? 1 : 0;
        }
        return new PooledAccuracy(right, outcomes.length);
    }

    /** Both tallies together. */
    public PooledAccuracy plus(PooledAccuracy other) {
        return new PooledAccuracy(correct + other.correct, total + other.total);
    }
}
