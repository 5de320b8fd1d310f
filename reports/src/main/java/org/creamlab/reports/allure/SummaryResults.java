package org.creamlab.reports.allure;

import org.creamlab.junit.HistoryIds;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creamlab.metric.Endpoint;
import org.creamlab.metric.Metric;
import org.creamlab.reports.summary.Arm;
import org.creamlab.reports.summary.CommonSettings;
import org.creamlab.reports.summary.ExperimentSummary;
import org.creamlab.reports.summary.RunLine;
import org.creamlab.reports.summary.StudyRun;
import org.creamlab.reports.summary.SummaryCsv;
import org.creamlab.reports.summary.SummaryHtml;
import org.creamlab.reports.summary.Unit;
import org.creamlab.reports.plots.Plot;
import org.creamlab.reports.plots.SummaryPlots;
import org.creamlab.store.RunStatus;
import org.creamlab.store.RunStore;
import org.creamlab.store.StoredRun;

/**
 * Writes one synthetic Allure result per experiment in the store, {@code "<experiment>: summary"}
 * (feature = the experiment, story = {@code summary}, history id {@code md5("<experiment>|summary")}):
 * the comparison tables and plots inline in its description, and as attachments the tables (HTML),
 * their numbers (CSV) and every plot (PNG).
 */
public final class SummaryResults {

    private final RunStore store;
    private final ResultsFolder folder;

    public SummaryResults(RunStore store, ResultsFolder folder) {
        this.store = store;
        this.folder = folder;
    }

    /**
     * What a summary result showed.
     *
     * @param summary the tables and headline
     * @param plots the plots attached
     * @param finished how many of its runs finished
     */
    public record Written(ExperimentSummary summary, List<Plot> plots, int finished) {}

    /**
     * The summary of {@code experiment} from its stored runs (tables and plots), written nowhere.
     *
     * @throws RuntimeException when a run's stored parameters or metrics cannot be read by this code
     */
    public Written summarize(String experiment, List<StoredRun> runs) {
        List<StudyRun> all = new ArrayList<>();
        List<StudyRun> finished = new ArrayList<>();
        for (StoredRun run : runs) {
            List<Metric> metrics = store.metrics(run.id());
            StudyRun s = StoredRuns.study(run, metrics);
            all.add(s);
            if (run.status() == RunStatus.FINISHED) {
                finished.add(s);
            }
        }
        CommonSettings settings = CommonSettings.of(all);
        List<RunLine> lines = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            StoredRun run = runs.get(i);
            String arm = Arm.of(all.get(i), settings.varying()).label()
                    + (settings.bases().isEmpty() ? "" : ", base " + all.get(i).param(Unit.BASE_PARAM, "-"));
            lines.add(new RunLine(run.id(), arm, run.seed(), run.status().name(),
                    run.failureCategory(), run.failureMessage()));
        }
        List<Endpoint> endpoints = store.declaredEndpoints(experiment).map(Endpoint::parseLines).orElse(List.of());
        ExperimentSummary summary = ExperimentSummary.of(experiment, settings, finished, lines, endpoints);
        return new Written(summary, SummaryPlots.of(summary, all, finished), finished.size());
    }

    /** Writes the summary of {@code experiment} from its stored runs; returns what it shows. */
    public Written write(String experiment, List<StoredRun> runs) throws IOException {
        Written written = summarize(experiment, runs);
        ExperimentSummary summary = written.summary();
        List<Plot> plots = written.plots();
        boolean noneFinished = written.finished() == 0;
        String key = "summary|" + experiment;
        JsonObject r = new JsonObject();
        String name = experiment + ": summary";
        r.addProperty("name", name);
        r.addProperty("fullName", name);
        r.addProperty("historyId", HistoryIds.summary(experiment));
        r.addProperty("testCaseId", HistoryIds.summary(experiment));
        r.addProperty("stage", "finished");
        r.addProperty("status", noneFinished ? "skipped" : "passed");
        if (noneFinished) {
            JsonObject details = new JsonObject();
            details.addProperty("message", "no finished runs to compare");
            r.add("statusDetails", details);
        }
        r.addProperty("start", runs.stream().mapToLong(x -> RunResults.millis(x.startedAt())).min().orElse(0));
        r.addProperty("stop", runs.stream().mapToLong(x -> RunResults.millis(x.endedAt())).max().orElse(0));
        r.addProperty("description", summary.headline() == null ? "" : summary.headline().sentence());
        r.addProperty("descriptionHtml", SummaryHtml.fragment(summary, plots));
        r.add("labels", ResultsFolder.pairs("epic", "creamlab", "feature", experiment, "story", "summary",
                "tag", "summary", ResultsFolder.SOURCE_LABEL, ResultsFolder.FROM_STORE));
        List<JsonObject> parameters = new ArrayList<>();
        parameters.add(ResultsFolder.pair("runs", runs.size() + " (" + written.finished() + " finished)"));
        parameters.add(ResultsFolder.pair("seeds", summary.settings().seeds().toString()));
        parameters.add(ResultsFolder.pair("varies", String.join(", ", summary.settings().varying())));
        parameters.add(ResultsFolder.pair("same for all runs", summary.settings().headerLine()));
        r.add("parameters", ResultsFolder.array(parameters));
        List<JsonObject> attachments = new ArrayList<>();
        attachments.add(folder.attach(key + "|html", "summary tables", "text/html", "html",
                SummaryHtml.document(summary, List.of()).getBytes(StandardCharsets.UTF_8)));
        attachments.add(folder.attach(key + "|csv", "summary numbers", "text/csv", "csv",
                SummaryCsv.of(summary).getBytes(StandardCharsets.UTF_8)));
        for (Plot p : plots) {
            attachments.add(folder.attach(key + "|" + p.name(), p.name(), "image/png", "png", p.png()));
        }
        r.add("attachments", ResultsFolder.array(attachments));
        folder.write(key, r);
        return written;
    }

    /** Runs grouped by experiment name, in first-seen order. */
    public static Map<String, List<StoredRun>> byExperiment(List<StoredRun> runs) {
        Map<String, List<StoredRun>> out = new java.util.LinkedHashMap<>();
        runs.forEach(r -> out.computeIfAbsent(r.experiment(), k -> new ArrayList<>()).add(r));
        return out;
    }
}
