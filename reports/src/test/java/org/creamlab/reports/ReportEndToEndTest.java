package org.creamlab.reports;

import org.creamlab.junit.HistoryIds;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creamlab.config.Settings;
import org.creamlab.reports.allure.ResultsFolder;
import org.creamlab.store.RunStore;
import org.creamlab.store.StoreService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds the report of a synthetic study from the store (plus one result a test run left) into
 * {@code target/report-e2e}, where it can be opened afterwards; {@code ReportInBrowserTest} looks at it.
 */
class ReportEndToEndTest {

    static final Path ROOT = Path.of("target", "report-e2e").toAbsolutePath();

    /** Open for the whole JVM: the browser test in the same fork reuses the report. */
    private static StoreService service;
    private static RunStore store;
    private static ReportBuilder.Outcome outcome;
    private static ReportBuilder.Paths paths;
    private static List<Long> ids;

    @BeforeAll
    static void build() throws Exception {
        outcome = buildReport();
    }

    /** Builds the report under {@link #ROOT} once per JVM (other test classes reuse it). */
    static synchronized ReportBuilder.Outcome buildReport() throws Exception {
        if (outcome != null) {
            return outcome;
        }
        TestFiles.deleteTree(ROOT);
        Settings settings = SyntheticStudy.settings(ROOT);
        service = new StoreService(settings);
        store = service.start();
        ids = SyntheticStudy.populate(store);
        paths = ReportBuilder.Paths.under(ROOT, settings.allureResults());
        Files.createDirectories(paths.results());
        // what a JUnit run of the first run would have left: it must be enriched, not duplicated
        Files.writeString(paths.results().resolve("junit-1-result.json"), """
                {"uuid":"junit-1","name":"cream-vs-pose [method=cream, factor=4, window=64] seed=1","status":"passed",
                 "stage":"finished","start":1,"stop":2,"historyId":"%s",
                 "labels":[{"name":"feature","value":"cream-vs-pose"},{"name":"runId","value":"%d"}]}
                """.formatted(HistoryIds.run(store.run(ids.get(0))), ids.get(0)), StandardCharsets.UTF_8);
        outcome = new ReportBuilder(store, new AllureCli(Path.of(System.getProperty("allure.cli.home")))).build(paths);
        return outcome;
    }

    static Path singleFolder() {
        return paths.single();
    }

    @Test
    void everyStoredRunAppearsOnceAndTheSummaryHasAStableHistoryId() throws Exception {
        ResultsFolder folder = new ResultsFolder(paths.results());
        List<String> names = new ArrayList<>();
        JsonObject summary = null;
        for (Path f : folder.resultFiles()) {
            JsonObject r = folder.read(f);
            names.add(r.get("name").getAsString());
            if (r.get("name").getAsString().endsWith(": summary")) {
                summary = r;
            }
        }
        JsonObject s = summary;
        assertAll(
                () -> assertEquals(1, outcome.experiments()),
                () -> assertEquals(ids.size() - 1, outcome.storedRuns(), "the run the test result describes is not re-created"),
                () -> assertEquals(1, outcome.enriched()),
                () -> assertEquals(ids.size() + 1, names.size(), names.toString()),
                () -> assertEquals(HistoryIds.md5("cream-vs-pose|summary"), s.get("historyId").getAsString()),
                () -> assertTrue(s.get("descriptionHtml").getAsString().contains("CREAM ahead of PoSE")),
                () -> assertTrue(Files.isRegularFile(outcome.singleFile())),
                () -> assertTrue(Files.isRegularFile(paths.results().resolve("categories.json"))),
                () -> assertTrue(Files.isDirectory(paths.history()), "history kept for the next build"));
    }

    @Test
    void theSummaryIsAlsoWrittenAsMarkdownWithItsPlots() throws Exception {
        Path md = paths.summaries().resolve("cream-vs-pose.md");
        String text = Files.readString(md);
        List<String> images = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("!\\[[^]]*]\\(([^)]+)\\)").matcher(text);
        while (m.find()) {
            images.add(m.group(1));
        }
        assertAll(
                () -> assertTrue(text.contains("CREAM ahead of PoSE"), "headline"),
                () -> assertTrue(text.contains("### LongChat-Lines") && text.contains("| method |"), "a task table"),
                () -> assertTrue(text.contains("(points [paired 95% CI], q)"), "the exploratory CREAM - PoSE row"),
                () -> assertTrue(text.indexOf("**Primary endpoints**") < text.indexOf("### LongChat-Lines"),
                        "the primary endpoints open the summary"),
                () -> assertTrue(text.contains("- lines beyond N: CREAM \u2212 PoSE by +"), "CREAM's lead beyond N, declared"),
                () -> assertTrue(text.contains("Where the variance of the difference comes from"), "variance decomposition"),
                () -> assertTrue(images.stream().anyMatch(i -> i.contains("forest")), "a forest plot: " + images),
                () -> assertTrue(text.indexOf("forest-plot") < text.indexOf("### LongChat-Lines"),
                        "the forest plots come with the primary endpoints, before the exploratory tables"),
                () -> assertTrue(images.size() >= 6, "plots linked: " + images),
                () -> {
                    for (String i : images) {
                        assertTrue(Files.size(paths.summaries().resolve(i)) > 1000, i + " written");
                    }
                });
    }

    @Test
    void theDivergedRunIsInTheDivergedCategory() throws Exception {
        String categories = Files.readString(paths.html().resolve("data/categories.json"));
        assertTrue(categories.contains("Diverged") && categories.contains("[diverged] loss is NaN at step 2"), categories);
    }
}
