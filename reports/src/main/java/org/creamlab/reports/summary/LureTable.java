package org.creamlab.reports.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;

/**
 * How each arm answers LongChat-Lines beyond N when a <em>lure</em> is in the prompt: another line's
 * number shares the answer's first number piece ({@code eval/lured_share}, {@code eval/tf_exact_match_lured},
 * {@code eval/tf_exact_match_unlured}, {@code eval/lure_taken}, logged by the framework's {@code LureTally}).
 * Per run the figures are pooled over the cells beyond the run's window N (sample counts from
 * {@code eval/lure_samples}), then averaged over the arm's runs; a figure a run cannot have (no misses
 * with a lure: no share that took it) is left out of that column's mean. Runs without the figures (stored
 * before they existed) are left out. Pure.
 *
 * @param rows arm to its {@link Row}
 */
public record LureTable(Map<Arm, Row> rows) {

    /**
     * One arm's figures, each in % and a mean over its runs (NaN where no run has a sample of that kind).
     *
     * @param luredShare samples with a lure
     * @param luredRight exact match over the samples with a lure
     * @param unluredRight exact match over the samples without one
     * @param lureTaken misses with a lure whose wrong token is the lure's
     * @param runs runs with lure figures
     */
    public record Row(double luredShare, double luredRight, double unluredRight, double lureTaken, int runs) {

        /** The four percentages in the order of {@link LureTable#COLUMNS}' first four. */
        public List<Double> percentages() {
            return List.of(luredShare, luredRight, unluredRight, lureTaken);
        }
    }

    /** Column titles, in the order of a row's values. */
    public static final List<String> COLUMNS = List.of("samples with a lure (%)", "exact match with a lure (%)",
            "exact match without (%)", "misses with a lure that took it (%)", "runs");

    private static final java.util.Set<String> FIGURES = java.util.Set.of("eval/lure_samples", "eval/lured_share",
            "eval/tf_exact_match_lured", "eval/tf_exact_match_unlured", "eval/lure_taken");

    public LureTable {
        rows = java.util.Collections.unmodifiableMap(new TreeMap<>(rows));
    }

    public static LureTable of(List<StudyRun> runs, List<String> varying) {
        Map<Arm, List<Row>> perRun = new TreeMap<>();
        for (StudyRun run : runs) {
            Row v = pooled(run);
            if (v != null) {
                perRun.computeIfAbsent(Arm.of(run, varying), a -> new ArrayList<>()).add(v);
            }
        }
        Map<Arm, Row> rows = new LinkedHashMap<>();
        perRun.forEach((arm, list) -> rows.put(arm, new Row(mean(list, Row::luredShare),
                mean(list, Row::luredRight), mean(list, Row::unluredRight), mean(list, Row::lureTaken), list.size())));
        return new LureTable(rows);
    }

    /** The mean of one figure over the runs that have it; NaN when none does. */
    private static double mean(List<Row> perRun, ToDoubleFunction<Row> figure) {
        return perRun.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    /**
     * One run's figures in %, pooled over its lines cells beyond N ({@code runs} = 1); null when it has none. Each cell's
     * counts are recovered as whole numbers from its ratios and its {@code eval/lure_samples}.
     */
    private static Row pooled(StudyRun run) {
        int window = Integer.parseInt(run.param("window", "128"));
        Map<Dimensions, Map<String, Double>> cells = new HashMap<>();
        for (Metric m : run.metrics()) {
            Integer length = m.dimensions().length();
            if (m.step() == null && "lines".equals(m.dimensions().task()) && length != null && length > window
                    && FIGURES.contains(m.name())) {
                cells.computeIfAbsent(m.dimensions(), d -> new HashMap<>()).put(m.name(), m.value());
            }
        }
        long samples = 0, lured = 0, luredRight = 0, unluredRight = 0, misses = 0, taken = 0;
        for (Map<String, Double> c : cells.values()) {
            if (!c.containsKey("eval/lure_samples") || !c.containsKey("eval/lured_share")) {
                continue;
            }
            long n = Math.round(c.get("eval/lure_samples"));
            long l = Math.round(c.get("eval/lured_share") * n);
            long lRight = l == 0 ? 0 : Math.round(c.getOrDefault("eval/tf_exact_match_lured", 0.0) * l);
            long uRight = n == l ? 0 : Math.round(c.getOrDefault("eval/tf_exact_match_unlured", 0.0) * (n - l));
            long missed = l - lRight;
            samples += n;
            lured += l;
            luredRight += lRight;
            unluredRight += uRight;
            misses += missed;
            taken += missed == 0 ? 0 : Math.round(c.getOrDefault("eval/lure_taken", 0.0) * missed);
        }
        if (samples == 0) {
            return null;
        }
        return new Row(100.0 * lured / samples, lured > 0 ? 100.0 * luredRight / lured : Double.NaN,
                samples > lured ? 100.0 * unluredRight / (samples - lured) : Double.NaN,
                misses > 0 ? 100.0 * taken / misses : Double.NaN, 1);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
