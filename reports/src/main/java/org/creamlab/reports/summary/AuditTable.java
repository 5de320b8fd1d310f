package org.creamlab.reports.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creamlab.metric.Metric;

/**
 * The supervision audit of each arm's fine-tuning data ({@code audit/...} metrics, per optimizer
 * step), averaged over the arm's runs: targets by class, learnable answer and copy targets, their
 * share of the loss, rows without a target, and learnable targets whose evidence is at least N
 * position ids away. Pure.
 *
 * @param columns column titles, in order
 * @param rows arm to its values (same order as the columns; NaN where a run lacks the figure)
 */
public record AuditTable(List<String> columns, Map<Arm, double[]> rows) {

    private static final String[][] FIGURES = {
        {"audit/masked_targets", "loss targets"}, {"audit/answer_targets", "answer"}, {"audit/copy_targets", "copy"},
        {"audit/filler_targets", "filler"}, {"audit/learnable_retrieval", "learnable answer+copy"},
        {"audit/learnable_share", "share of loss on learnable retrieval (%)"},
        {"audit/rows_without_target", "rows without target (%)"},
    };
    private static final String FAR = "learnable at distance >= N";

    public AuditTable {
        columns = List.copyOf(columns);
        rows = java.util.Collections.unmodifiableMap(new TreeMap<>(rows));
    }

    /** The far column counts histogram bins whose lower edge is at least the run's window N (default 128). */
    public static AuditTable of(List<StudyRun> runs, List<String> varying) {
        Map<Arm, List<double[]>> perRun = new TreeMap<>();
        for (StudyRun run : runs) {
            int window = Integer.parseInt(run.param("window", "128"));
            double[] v = new double[FIGURES.length + 1];
            java.util.Arrays.fill(v, Double.NaN);
            TreeMap<Integer, Double> histogram = new TreeMap<>();
            boolean any = false;
            for (Metric m : run.metrics()) {
                for (int i = 0; i < FIGURES.length; i++) {
                    if (m.name().equals(FIGURES[i][0])) {
                        v[i] = m.name().endsWith("share") || m.name().endsWith("without_target") ? 100 * m.value() : m.value();
                        any = true;
                    }
                }
                if (m.name().equals("audit/distance") && m.dimensions().length() != null) {
                    histogram.put(m.dimensions().length(), m.value());
                }
            }
            if (!any) {
                continue;
            }
            double far = 0;
            int lower = 0;
            for (Map.Entry<Integer, Double> e : histogram.entrySet()) {
                if (lower >= window) {
                    far += e.getValue();
                }
                lower = e.getKey();
            }
            v[FIGURES.length] = histogram.isEmpty() ? Double.NaN : far;
            perRun.computeIfAbsent(Arm.of(run, varying), a -> new ArrayList<>()).add(v);
        }
        Map<Arm, double[]> rows = new LinkedHashMap<>();
        perRun.forEach((arm, list) -> {
            double[] mean = new double[FIGURES.length + 1];
            for (int i = 0; i < mean.length; i++) {
                double s = 0;
                for (double[] v : list) {
                    s += v[i];
                }
                mean[i] = s / list.size();
            }
            rows.put(arm, mean);
        });
        List<String> columns = new ArrayList<>();
        for (String[] f : FIGURES) {
            columns.add(f[1]);
        }
        columns.add(FAR);
        return new AuditTable(columns, rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
