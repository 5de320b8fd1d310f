package org.creamlab.reports.allure;

import static org.creamlab.reports.summary.SummaryHtml.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creamlab.metric.Metric;
import org.creamlab.store.Provenance;
import org.creamlab.store.StoredRun;

/** One run's page text: parameters, provenance, status and final metrics as HTML tables. */
public final class RunDescription {

    private RunDescription() {}

    public static String html(String description, StoredRun run, List<Metric> metrics) {
        StringBuilder h = new StringBuilder();
        if (description != null && !description.isBlank()) {
            h.append("<p>").append(esc(description)).append("</p>");
        }
        h.append("<h4>Run ").append(run.id()).append(": ").append(esc(run.status().name()));
        if (run.failureCategory() != null) {
            h.append(" (").append(esc(run.failureCategory())).append(')');
        }
        h.append("</h4>");
        if (run.failureMessage() != null && !run.failureMessage().isBlank()) {
            h.append("<pre>").append(esc(run.failureMessage())).append("</pre>");
        }
        Map<String, String> params = StoredRuns.params(run);
        params.put("seed", Long.toString(run.seed()));
        table(h, "Parameters", new java.util.TreeMap<>(params));
        Provenance p = run.provenance();
        table(h, "Provenance", new java.util.TreeMap<>(Map.of(
                "commit", p.gitCommit() + (Boolean.TRUE.equals(p.gitDirty()) ? " (dirty)" : ""),
                "java", String.valueOf(p.javaVersion()),
                "djl / pytorch", p.djlVersion() + " / " + p.pytorchVersion(),
                "host", String.valueOf(p.host()),
                "device / threads", p.device() + " / " + p.threads(),
                "started / ended", run.startedAt() + " / " + run.endedAt())));
        Map<String, String> finals = new java.util.LinkedHashMap<>();
        StoredRuns.finals(metrics).forEach((k, v) -> finals.put(k, String.format(Locale.ROOT, "%.6g", v)));
        table(h, "Final metrics", finals);
        return h.toString();
    }

    private static void table(StringBuilder h, String title, Map<String, String> rows) {
        h.append("<h4>").append(esc(title)).append("</h4><table>");
        rows.forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>")
                .append(esc(v)).append("</td></tr>"));
        h.append("</table>");
    }
}
