package org.creamlab.reports.summary;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creamlab.metric.Metric;

/**
 * Where an experiment's compute time went, per arm: the sums over its finished runs of the parts
 * each run stores ({@code time/base_s}: loading or pre-training the base, {@code time/fine_tune_s}:
 * fine-tuning with its curve points, {@code time/eval_s}: the final evaluation). Runs without these
 * metrics (older commits) are left out.
 *
 * @param seconds arm -> {base, fine-tuning, evaluation} seconds, summed over its runs
 * @param runs arm -> runs counted
 */
public record TimeByPart(Map<Arm, double[]> seconds, Map<Arm, Integer> runs) {

    /** The parts, in column order. */
    public static final List<String> PARTS = List.of("time/base_s", "time/fine_tune_s", "time/eval_s");

    public TimeByPart {
        seconds = Collections.unmodifiableMap(new TreeMap<>(seconds));
        runs = Collections.unmodifiableMap(new TreeMap<>(runs));
    }

    public static TimeByPart of(List<StudyRun> finished, List<String> varying) {
        Map<Arm, double[]> seconds = new TreeMap<>();
        Map<Arm, Integer> runs = new TreeMap<>();
        for (StudyRun run : finished) {
            double[] parts = new double[PARTS.size()];
            boolean any = false;
            for (Metric m : run.metrics()) {
                int i = PARTS.indexOf(m.name());
                if (i >= 0 && m.step() == null) {
                    parts[i] = m.value();
                    any = true;
                }
            }
            if (any) {
                Arm arm = Arm.of(run, varying);
                double[] sum = seconds.computeIfAbsent(arm, a -> new double[PARTS.size()]);
                for (int i = 0; i < parts.length; i++) {
                    sum[i] += parts[i];
                }
                runs.merge(arm, 1, Integer::sum);
            }
        }
        return new TimeByPart(seconds, runs);
    }

    public boolean isEmpty() {
        return seconds.isEmpty();
    }
}
