package org.creamlab.reports;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.creamlab.metric.Metric;
import org.creamlab.junit.AllureRunRecorder;
import org.creamlab.reports.allure.Categories;
import org.creamlab.reports.allure.RunDescription;
import org.creamlab.store.RunStore;
import org.creamlab.store.StoredRun;

/**
 * Adds what the store knows to the Allure results of experiment runs: for each result labelled
 * with a run id, a PNG chart per curve (the loss), the run's page text (parameters, provenance,
 * final metrics), and for failed runs the stored failure category in front of the message (which
 * {@code categories.json} matches). Idempotent: a result already enriched is left alone, and so are
 * results this module wrote from the store.
 */
public final class AllureResultsEnricher {

    private static final String ENRICHED = "creamlab.enriched";

    private final RunStore store;
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();

    public AllureResultsEnricher(RunStore store) {
        this.store = store;
    }

    /** Enriches every result in the folder; returns how many results were enriched now. */
    public int enrich(Path results) throws IOException {
        int count = 0;
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted().toList()) {
                if (enrichOne(results, file)) {
                    count++;
                }
            }
        }
        return count;
    }

    private boolean enrichOne(Path results, Path file) throws IOException {
        JsonObject result = gson.fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
        Long runId = runId(result);
        if (runId == null || hasLabel(result, ENRICHED)
                || org.creamlab.reports.allure.ResultsFolder.FROM_STORE.equals(
                        org.creamlab.reports.allure.ResultsFolder.label(result, org.creamlab.reports.allure.ResultsFolder.SOURCE_LABEL))) {
            return false;
        }
        StoredRun run = store.run(runId);
        if (run == null) {
            return false;
        }
        List<Metric> metrics = store.metrics(runId);
        JsonArray attachments = result.has("attachments") ? result.getAsJsonArray("attachments") : new JsonArray();
        for (String name : MetricPlots.curveNames(metrics)) {
            byte[] png;
            try {
                png = MetricPlots.curve(run.experiment() + " run " + runId + ": " + name, name, metrics);
            } catch (IllegalArgumentException nothingFinite) {
                continue;
            }
            String source = UUID.nameUUIDFromBytes((runId + "|" + name).getBytes(StandardCharsets.UTF_8)) + "-attachment.png";
            Files.write(results.resolve(source), png);
            JsonObject a = new JsonObject();
            a.addProperty("name", name + " (plot)");
            a.addProperty("source", source);
            a.addProperty("type", "image/png");
            attachments.add(a);
        }
        result.add("attachments", attachments);
        if (!result.has("descriptionHtml")) {
            String description = result.has("description") ? result.get("description").getAsString() : null;
            result.addProperty("descriptionHtml", RunDescription.html(description, run, metrics));
        }
        if (run.failureCategory() != null) {
            JsonObject details = result.has("statusDetails") ? result.getAsJsonObject("statusDetails") : new JsonObject();
            String message = details.has("message") ? details.get("message").getAsString() : "";
            String tag = Categories.tag(run.failureCategory());
            if (!message.startsWith(tag)) {
                details.addProperty("message", tag + message);
            }
            result.add("statusDetails", details);
        }
        JsonArray labels = result.getAsJsonArray("labels");
        JsonObject marker = new JsonObject();
        marker.addProperty("name", ENRICHED);
        marker.addProperty("value", run.status().name());
        labels.add(marker);
        Files.writeString(file, gson.toJson(result), StandardCharsets.UTF_8);
        return true;
    }

    static Long runId(JsonObject result) {
        JsonArray labels = result.getAsJsonArray("labels");
        if (labels == null) {
            return null;
        }
        for (JsonElement e : labels) {
            JsonObject l = e.getAsJsonObject();
            if (AllureRunRecorder.RUN_ID_LABEL.equals(l.get("name").getAsString())) {
                return Long.parseLong(l.get("value").getAsString());
            }
        }
        return null;
    }

    private static boolean hasLabel(JsonObject result, String name) {
        JsonArray labels = result.getAsJsonArray("labels");
        if (labels == null) {
            return false;
        }
        for (JsonElement e : labels) {
            if (name.equals(e.getAsJsonObject().get("name").getAsString())) {
                return true;
            }
        }
        return false;
    }
}
