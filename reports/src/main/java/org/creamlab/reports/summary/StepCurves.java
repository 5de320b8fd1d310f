package org.creamlab.reports.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;

/**
 * Accuracy against fine-tuning steps (the efficiency claim is about reaching quality cheaply): for
 * each endpoint, per arm and step, the mean over runs of the mean teacher-forced accuracy over the
 * endpoint's cells. Intermediate points come from {@code curve/tf_exact_match} (a light evaluation
 * while fine-tuning, stepped); the last point is the final evaluation at the run's {@code steps};
 * runs without fine-tuning ({@code method=none}) give one point at step 0. Pure.
 *
 * @param endpoints endpoint name to arm to step to mean accuracy in [0, 1]
 */
public record StepCurves(Map<String, Map<Arm, TreeMap<Long, Double>>> endpoints) {

    public StepCurves {
        endpoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
    }

    /** Whether a cell belongs to an endpoint, given the run's window N and target length L. */
    private interface Endpoint {
        boolean test(Dimensions d, int window, int target);
    }

    /**
     * The endpoints, in order: lines beyond N, kv at L (all gold positions), needle and passkey at L;
     * N and L are each run's own ({@code window}, {@code window * factor}; defaults 128 and 8).
     */
    public static StepCurves of(List<StudyRun> runs, List<String> varying) {
        Map<String, Endpoint> groups = new LinkedHashMap<>();
        groups.put("LongChat-Lines, mean over lengths > N",
                (d, window, target) -> "lines".equals(d.task()) && d.length() != null && d.length() > window);
        groups.put("kv at L, mean over gold positions", (d, window, target) -> "kv".equals(d.task()));
        groups.put("needle at L, mean over depths",
                (d, window, target) -> "needle".equals(d.task()) && Integer.valueOf(target).equals(d.length()));
        groups.put("passkey at L, mean over depths",
                (d, window, target) -> "passkey".equals(d.task()) && Integer.valueOf(target).equals(d.length()));
        Map<String, Map<Arm, TreeMap<Long, Double>>> out = new LinkedHashMap<>();
        groups.forEach((name, endpoint) -> {
            Map<Arm, TreeMap<Long, List<Double>>> raw = new TreeMap<>();
            for (StudyRun run : runs) {
                int window = Integer.parseInt(run.param("window", "128"));
                int target = window * Integer.parseInt(run.param("factor", "8"));
                Predicate<Dimensions> filter = d -> endpoint.test(d, window, target);
                Arm arm = Arm.of(run, varying);
                boolean fineTuned = !"none".equals(run.param("method", ""));
                long last = fineTuned ? finalStep(run) : 0;
                Map<Long, double[]> perStep = new TreeMap<>();
                for (Metric m : run.metrics()) {
                    boolean curve = m.name().equals("curve/tf_exact_match") && m.step() != null;
                    boolean fin = m.name().equals(ExperimentSummary.ACCURACY) && m.step() == null;
                    if ((curve || fin) && filter.test(m.dimensions())) {
                        double[] s = perStep.computeIfAbsent(curve ? m.step() : last, k -> new double[2]);
                        s[0] += m.value();
                        s[1]++;
                    }
                }
                perStep.forEach((step, s) -> raw.computeIfAbsent(arm, a -> new TreeMap<>())
                        .computeIfAbsent(step, k -> new ArrayList<>()).add(s[0] / s[1]));
            }
            Map<Arm, TreeMap<Long, Double>> means = new TreeMap<>();
            raw.forEach((arm, steps) -> {
                TreeMap<Long, Double> row = new TreeMap<>();
                steps.forEach((step, v) -> row.put(step, v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
                means.put(arm, row);
            });
            if (means.values().stream().anyMatch(r -> r.size() > 1)) {
                out.put(name, means);
            }
        });
        return new StepCurves(out);
    }

    public boolean isEmpty() {
        return endpoints.isEmpty();
    }

    /**
     * The step of a fine-tuned run's final evaluation: {@code fullSteps} for the full-length bound
     * when set (> 0, as {@code ExtensionRun} trains it), {@code steps} otherwise.
     */
    static long finalStep(StudyRun run) {
        long fullSteps = Long.parseLong(run.param("fullSteps", "0"));
        return "full".equals(run.param("method", "")) && fullSteps > 0 ? fullSteps : Long.parseLong(run.param("steps", "0"));
    }
}
