package org.creamlab.junit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.creamlab.metric.Metric;
import org.creamlab.store.RunStore;
import org.creamlab.store.StoredRun;

/**
 * Where an experiment's time went in this session: the sums of the parts its runs store as
 * {@code time/<part>_s} metrics (e.g. base, fine-tuning, evaluation), for the line printed after its
 * last run.
 */
final class RunParts {

    private RunParts() {}

    /** {@code " (base 0.5 min, fine_tune 70.1 min, eval 8.2 min)"}, or empty when no run stored parts. */
    static String describe(RunStore store, String experiment, Instant since) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (StoredRun run : store.runs(experiment)) {
            if (run.startedAt() == null || run.startedAt().isBefore(since)) {
                continue;
            }
            for (Metric m : store.metrics(run.id())) {
                if (m.step() == null && m.name().startsWith("time/") && m.name().endsWith("_s")) {
                    seconds.merge(m.name().substring(5, m.name().length() - 2), m.value(), Double::sum);
                }
            }
        }
        if (seconds.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(" (");
        seconds.forEach((part, v) -> s.append(s.length() > 2 ? ", " : "").append(part.replace('_', '-'))
                .append(String.format(Locale.ROOT, " %.1f min", v / 60)));
        return s.append(')').toString();
    }
}
