package org.creamlab.reports.allure;

import org.creamlab.junit.HistoryIds;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creamlab.metric.Metric;
import org.creamlab.junit.AllureRunRecorder;
import org.creamlab.reports.MetricPlots;
import org.creamlab.store.RunStore;
import org.creamlab.store.StoredRun;

/**
 * Writes an Allure result for every stored run that no test result describes yet (runs made by
 * the command-line runner, or whose results folder was cleaned): parameters, provenance, final
 * metrics, the metrics CSV and a plot per curve, with the stored status and failure category.
 * Results written here are rewritten on every build (a RUNNING run may have finished since).
 */
public final class RunResults {

    private final RunStore store;
    private final ResultsFolder folder;

    public RunResults(RunStore store, ResultsFolder folder) {
        this.store = store;
        this.folder = folder;
    }

    /**
     * Writes a result for each run not already {@code described}; a run that cannot be written (its
     * stored metrics unreadable by this code) is left out and named in {@code skipped} instead of
     * stopping the others.
     *
     * @param runs the stored runs
     * @param described run ids that test results already describe (not written again)
     * @param skipped where the runs left out are named, with the reason
     * @return how many results were written
     */
    public int write(List<StoredRun> runs, Set<Long> described, List<String> skipped) throws IOException {
        int written = 0;
        for (StoredRun run : runs) {
            if (!described.contains(run.id())) {
                try {
                    writeOne(run, store.metrics(run.id()));
                    written++;
                } catch (RuntimeException e) {
                    skipped.add("run " + run.id() + " of " + run.experiment() + " left out of the report: " + e);
                }
            }
        }
        return written;
    }

    private void writeOne(StoredRun run, List<Metric> metrics) throws IOException {
        String key = "run|" + run.id();
        JsonObject r = new JsonObject();
        String variant = run.variant() == null || run.variant().isBlank() ? "" : " [" + run.variant() + "]";
        String name = run.experiment() + variant + " seed=" + run.seed();
        r.addProperty("name", name);
        r.addProperty("fullName", name);
        r.addProperty("historyId", HistoryIds.run(run));
        r.addProperty("testCaseId", HistoryIds.testCase(run));
        r.addProperty("stage", "finished");
        r.addProperty("status", status(run));
        String message = message(run);
        if (message != null) {
            JsonObject details = new JsonObject();
            details.addProperty("message", message);
            r.add("statusDetails", details);
        }
        long start = run.startedAt() == null ? 0 : run.startedAt().toEpochMilli();
        r.addProperty("start", start);
        r.addProperty("stop", run.endedAt() == null ? start : run.endedAt().toEpochMilli());
        r.add("labels", ResultsFolder.pairs("epic", "creamlab", "feature", run.experiment(),
                "story", run.variant() == null || run.variant().isBlank() ? "default" : run.variant(),
                AllureRunRecorder.RUN_ID_LABEL, Long.toString(run.id()),
                ResultsFolder.SOURCE_LABEL, ResultsFolder.FROM_STORE));
        List<JsonObject> parameters = new ArrayList<>();
        for (Map.Entry<String, String> p : StoredRuns.params(run).entrySet()) {
            parameters.add(ResultsFolder.pair(p.getKey(), p.getValue()));
        }
        parameters.add(ResultsFolder.pair("seed", Long.toString(run.seed())));
        r.add("parameters", ResultsFolder.array(parameters));
        r.addProperty("descriptionHtml", RunDescription.html(null, run, metrics));
        r.add("attachments", ResultsFolder.array(attachments(key, run, metrics)));
        folder.write(key, r);
    }

    private List<JsonObject> attachments(String key, StoredRun run, List<Metric> metrics) throws IOException {
        List<JsonObject> out = new ArrayList<>();
        out.add(folder.attach(key + "|csv", "metrics", "text/csv", "csv",
                StoredRuns.csv(metrics).getBytes(StandardCharsets.UTF_8)));
        for (String curve : MetricPlots.curveNames(metrics)) {
            try {
                byte[] png = MetricPlots.curve(run.experiment() + " run " + run.id() + ": " + curve, curve, metrics);
                out.add(folder.attach(key + "|" + curve, curve + " (plot)", "image/png", "png", png));
            } catch (IllegalArgumentException nothingFinite) {
                // all values non-finite: the CSV has them
            }
        }
        return out;
    }

    /** passed for FINISHED; failed for diverged/regression; broken for other failures; unknown while RUNNING. */
    static String status(StoredRun run) {
        return switch (run.status()) {
            case FINISHED -> "passed";
            case RUNNING -> "unknown";
            case FAILED -> "diverged".equals(run.failureCategory()) || "regression".equals(run.failureCategory())
                    ? "failed" : "broken";
        };
    }

    static String message(StoredRun run) {
        return switch (run.status()) {
            case FINISHED -> null;
            case RUNNING -> "not finished: still running, or interrupted (started " + run.startedAt() + ")";
            case FAILED -> Categories.tag(run.failureCategory() == null ? "error" : run.failureCategory())
                    + (run.failureMessage() == null ? "" : run.failureMessage());
        };
    }

    /** Milliseconds of an instant, 0 for null. */
    static long millis(Instant t) {
        return t == null ? 0 : t.toEpochMilli();
    }
}
