package org.creamlab.reports.summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.creamlab.eval.stats.Interval;
import org.creamlab.eval.stats.SeedSummary;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;

/**
 * The mean across seeds (Student-t 95% interval) of a final, non-binomial metric such as
 * {@code eval/perplexity}, per arm x cell. Non-finite values are left out. Pure.
 *
 * @param metric the metric
 * @param values arm -> cell -> mean with interval
 */
public record SeedMeans(String metric, Map<Arm, Map<Dimensions, Interval>> values) {

    public SeedMeans {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static SeedMeans of(List<StudyRun> runs, List<String> varying, String metric, Predicate<Dimensions> filter) {
        Map<Arm, Map<Dimensions, List<Double>>> raw = new TreeMap<>();
        for (StudyRun run : runs) {
            Arm arm = Arm.of(run, varying);
            for (Metric m : run.metrics()) {
                if (m.name().equals(metric) && m.step() == null && filter.test(m.dimensions()) && Double.isFinite(m.value())) {
                    raw.computeIfAbsent(arm, a -> new TreeMap<>(Cells.ORDER))
                            .computeIfAbsent(m.dimensions(), d -> new ArrayList<>()).add(m.value());
                }
            }
        }
        Map<Arm, Map<Dimensions, Interval>> out = new TreeMap<>();
        raw.forEach((arm, cells) -> {
            Map<Dimensions, Interval> row = new TreeMap<>(Cells.ORDER);
            cells.forEach((cell, v) -> row.put(cell, SeedSummary.of(v.stream().mapToDouble(Double::doubleValue).toArray())));
            out.put(arm, Collections.unmodifiableMap(row));
        });
        return new SeedMeans(metric, out);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Every cell any arm has, in {@link Cells#ORDER}. */
    public List<Dimensions> cells() {
        TreeSet<Dimensions> all = new TreeSet<>(Cells.ORDER);
        values.values().forEach(row -> all.addAll(row.keySet()));
        return List.copyOf(all);
    }
}
