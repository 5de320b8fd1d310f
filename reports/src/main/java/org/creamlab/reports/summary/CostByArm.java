package org.creamlab.reports.summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creamlab.metric.Metric;

/**
 * Each arm's cost next to its quality, means over its finished runs: the fine-tuning it needed
 * ({@code time/fine_tune_s}; 0 for a training-free method), one forward of a sequence of L tokens
 * ({@code cost/forward_at_L_s}), the attention scores a layer materializes at once for it
 * ({@code cost/attention_scores_mib}: what grows with L), and the mean teacher-forced accuracy over the
 * evaluation cells at L. Runs without the cost metrics
 * (older commits) are left out.
 *
 * @param rows arm -> {fine-tune s, forward s, peak MiB, accuracy at L, runs}
 */
public record CostByArm(Map<Arm, double[]> rows) {

    /** Column order of a row. */
    public static final List<String> COLUMNS = List.of("fine-tuning (s)", "forward at L (s)",
            "attention scores at L (MiB per layer)", "accuracy at L (%)", "runs");

    public CostByArm {
        rows = Collections.unmodifiableMap(new TreeMap<>(rows));
    }

    public static CostByArm of(List<StudyRun> finished, List<String> varying) {
        Map<Arm, List<double[]>> byArm = new TreeMap<>();
        for (StudyRun run : finished) {
            double fineTune = Double.NaN;
            double forward = Double.NaN;
            double peak = Double.NaN;
            int longest = 0;
            for (Metric m : run.metrics()) {
                if (m.name().equals(ExperimentSummary.ACCURACY) && m.dimensions().length() != null) {
                    longest = Math.max(longest, m.dimensions().length());
                }
            }
            double sum = 0;
            int cells = 0;
            for (Metric m : run.metrics()) {
                switch (m.name()) {
                    case "time/fine_tune_s" -> fineTune = m.value();
                    case "cost/forward_at_L_s" -> forward = m.value();
                    case "cost/attention_scores_mib" -> peak = m.value();
                    default -> {
                        if (m.name().equals(ExperimentSummary.ACCURACY) && m.dimensions().length() != null
                                && m.dimensions().length() == longest) {
                            sum += m.value();
                            cells++;
                        }
                    }
                }
            }
            if (!Double.isNaN(forward)) {
                byArm.computeIfAbsent(Arm.of(run, varying), a -> new ArrayList<>())
                        .add(new double[] {fineTune, forward, peak, cells == 0 ? Double.NaN : sum / cells});
            }
        }
        Map<Arm, double[]> rows = new TreeMap<>();
        byArm.forEach((arm, list) -> {
            double[] mean = new double[5];
            for (int c = 0; c < 4; c++) {
                final int col = c;
                mean[c] = list.stream().mapToDouble(r -> r[col]).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
            }
            mean[4] = list.size();
            rows.put(arm, mean);
        });
        return new CostByArm(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
