package org.creamlab.reports.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * @param rows arm to {samples with a lure, exact match with a lure, exact match without, misses with a
 *     lure that took it}, each in % (NaN where no run has a sample of that kind), and the number of runs
 *     with lure figures
 */
public record LureTable(Map<Arm, double[]> rows) {

    /** Column titles, in the order of a row's values. */
    public static final List<String> COLUMNS = List.of("samples with a lure (%)", "exact match with a lure (%)",
            "exact match without (%)", "misses with a lure that took it (%)", "runs");

    private static final java.util.Set<String> FIGURES = java.util.Set.of("eval/lure_samples", "eval/lured_share",
            "eval/tf_exact_match_lured", "eval/tf_exact_match_unlured", "eval/lure_taken");

    public LureTable {
        rows = java.util.Collections.unmodifiableMap(new TreeMap<>(rows));
    }

    public static LureTable of(List<StudyRun> runs, List<String> varying) {
        Map<Arm, List<double[]>> perRun = new TreeMap<>();
        for (StudyRun run : runs) {
            double[] v = pooled(run);
            if (v != null) {
                perRun.computeIfAbsent(Arm.of(run, varying), a -> new ArrayList<>()).add(v);
            }
        }
        Map<Arm, double[]> rows = new LinkedHashMap<>();
        perRun.forEach((arm, list) -> {
            double[] mean = new double[COLUMNS.size()];
            for (int i = 0; i < mean.length - 1; i++) {
                double s = 0;
                int n = 0;
                for (double[] v : list) {
                    if (!Double.isNaN(v[i])) {
                        s += v[i];
                        n++;
                    }
                }
                mean[i] = n == 0 ? Double.NaN : s / n;
            }
            mean[mean.length - 1] = list.size();
            rows.put(arm, mean);
        });
        return new LureTable(rows);
    }

    /**
     * One run's four figures in %, pooled over its lines cells beyond N; null when it has none. Each cell's
     * counts are recovered as whole numbers from its ratios and its {@code eval/lure_samples}.
     */
    private static double[] pooled(StudyRun run) {
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
        return new double[] {100.0 * lured / samples, lured > 0 ? 100.0 * luredRight / lured : Double.NaN,
                samples > lured ? 100.0 * unluredRight / (samples - lured) : Double.NaN,
                misses > 0 ? 100.0 * taken / misses : Double.NaN};
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
