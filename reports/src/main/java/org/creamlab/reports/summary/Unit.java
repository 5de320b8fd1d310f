package org.creamlab.reports.summary;

import java.util.Comparator;

/**
 * The unit of replication of a study: one fine-tuned model, identified by its base (the
 * {@code baseSeed} parameter, {@code -} when a run has none) and its fine-tuning seed. Two methods
 * are compared within a unit, and units, not samples, are what a test over the study counts.
 *
 * @param base the base's seed as written in the run's parameters
 * @param seed the fine-tuning seed
 */
public record Unit(String base, long seed) implements Comparable<Unit> {

    /** The run parameter that names the base. */
    public static final String BASE_PARAM = "baseSeed";

    private static final Comparator<Unit> ORDER = Comparator.comparing((Unit u) -> numeric(u.base))
            .thenComparing(Unit::base).thenComparingLong(Unit::seed);

    /** The unit a run belongs to. */
    public static Unit of(StudyRun run) {
        return new Unit(run.param(BASE_PARAM, "-"), run.seed());
    }

    @Override
    public int compareTo(Unit other) {
        return ORDER.compare(this, other);
    }

    /** {@code base 4, seed 2}. */
    public String label() {
        return "base " + base + ", seed " + seed;
    }

    private static long numeric(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
