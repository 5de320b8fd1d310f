package org.creamlab.reports.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creamlab.metric.Metric;

/**
 * How each arm answers LongChat-Lines beyond N when a <em>lure</em> is in the prompt: another line's
 * number shares the answer's first number piece ({@code eval/lured_share}, {@code eval/tf_exact_match_lured},
 * {@code eval/tf_exact_match_unlured}, {@code eval/lure_taken}, logged by the framework's {@code LureTally}).
 * Per run the figures are pooled over the lengths beyond the run's window N (each length's samples
 * weighted by its multi-token samples, {@code eval/lure_samples}), then averaged over the arm's runs. Runs without the figures
 * (stored before they existed) are left out. Pure.
 *
 * @param rows arm to {samples with a lure, exact match with a lure, exact match without, misses with a
 *     lure that took it}, each in % (NaN where no sample of that kind exists), and the number of runs
 */
public record LureTable(Map<Arm, double[]> rows) {

    /** Column titles, in the order of a row's values. */
    public static final List<String> COLUMNS = List.of("samples with a lure (%)", "exact match with a lure (%)",
            "exact match without (%)", "misses with a lure that took it (%)", "runs");

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

    /** One run's four figures in %, pooled over lines cells beyond N; null when it has none. */
    private static double[] pooled(StudyRun run) {
        int window = Integer.parseInt(run.param("window", "128"));
        Map<Integer, double[]> byLength = new TreeMap<>();   // share, lured acc, unlured acc, taken, samples
        for (Metric m : run.metrics()) {
            Integer length = m.dimensions().length();
            if (m.step() != null || !"lines".equals(m.dimensions().task()) || length == null || length <= window) {
                continue;
            }
            int slot = switch (m.name()) {
                case "eval/lured_share" -> 0;
                case "eval/tf_exact_match_lured" -> 1;
                case "eval/tf_exact_match_unlured" -> 2;
                case "eval/lure_taken" -> 3;
                case "eval/lure_samples" -> 4;
                default -> -1;
            };
            if (slot >= 0) {
                byLength.computeIfAbsent(length, k -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN})[slot]
                        = m.value();
            }
        }
        double samples = 0, lured = 0, luredRight = 0, unluredRight = 0, misses = 0, taken = 0;
        boolean any = false;
        for (double[] c : byLength.values()) {
            if (Double.isNaN(c[0]) || Double.isNaN(c[4])) {
                continue;
            }
            any = true;
            double l = c[0] * c[4];
            double u = c[4] - l;
            samples += c[4];
            lured += l;
            luredRight += l > 0 ? c[1] * l : 0;
            unluredRight += u > 0 ? c[2] * u : 0;
            double missed = l > 0 ? (1 - c[1]) * l : 0;
            misses += missed;
            taken += missed > 0 ? c[3] * missed : 0;
        }
        if (!any) {
            return null;
        }
        return new double[] {100 * lured / samples, lured > 0 ? 100 * luredRight / lured : Double.NaN,
                samples > lured ? 100 * unluredRight / (samples - lured) : Double.NaN,
                misses > 0.5 ? 100 * taken / misses : Double.NaN};
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
