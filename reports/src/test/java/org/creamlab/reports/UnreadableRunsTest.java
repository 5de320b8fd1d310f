package org.creamlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.creamlab.reports.allure.ResultsFolder;
import org.creamlab.reports.allure.RunResults;
import org.creamlab.reports.allure.SummaryResults;
import org.creamlab.store.RunStore;
import org.creamlab.store.StoreService;
import org.creamlab.store.StoredRun;
import org.junit.jupiter.api.Test;

/**
 * A stored run this code cannot read (here: a window that is not a number, as an older version or
 * a hand-edited store could leave) must not stop the report: the summary is made from the other
 * runs, and the run is named with the reason.
 */
class UnreadableRunsTest {

    private static final Path ROOT = Path.of("target", "report-unreadable").toAbsolutePath();

    @Test
    void theSummaryLeavesOutTheRunItCannotReadAndNamesIt() throws Exception {
        TestFiles.deleteTree(ROOT);
        try (StoreService service = new StoreService(SyntheticStudy.settings(ROOT))) {
            RunStore store = service.start();
            String experiment = "factor-sweep";
            long bad = store.startRun(experiment, "sweep", "method=cream, factor=4, window=sixty-four",
                    "{\"method\":\"cream\",\"factor\":\"4\",\"window\":\"sixty-four\"}", 1, SyntheticStudy.provenance());
            store.logMetrics(bad, SyntheticStudy.metrics("cream", 1));
            store.finishRun(bad);
            List<Long> good = new ArrayList<>();
            for (String method : List.of("cream", "pose")) {
                long id = store.startRun(experiment, "sweep", "method=" + method + ", factor=4, window=64",
                        "{\"method\":\"" + method + "\",\"factor\":\"4\",\"window\":\"64\"}", 1, SyntheticStudy.provenance());
                store.logMetrics(id, SyntheticStudy.metrics(method, 1));
                store.finishRun(id);
                good.add(id);
            }
            List<StoredRun> runs = store.runs(experiment);
            ResultsFolder folder = new ResultsFolder(ROOT.resolve("results"));
            SummaryResults summaries = new SummaryResults(store, folder);
            List<String> skipped = new ArrayList<>();

            int written = new RunResults(store, folder).write(runs, java.util.Set.of(), skipped);
            ReportBuilder.writeSummary(summaries, ROOT.resolve("summaries"), experiment, runs, skipped);

            assertEquals(3, written, "every run still gets its own result");
            assertEquals(1, skipped.size(), "only the unreadable run is named: " + skipped);
            assertTrue(skipped.get(0).startsWith("run " + bad + " of factor-sweep left out of its summary"), skipped.get(0));
            assertTrue(skipped.get(0).contains("sixty-four"), "the reason is given: " + skipped.get(0));
            String markdown = Files.readString(ROOT.resolve("summaries").resolve(experiment + ".md"));
            for (long id : good) {
                assertTrue(runLine(id).matcher(markdown).find(), "run " + id + " is in the summary");
            }
            assertTrue(!runLine(bad).matcher(markdown).find(), "the unreadable run is not in the summary");
        }
    }

    /** A row of the summary's runs table: id, arm, seed 1, FINISHED. */
    private static java.util.regex.Pattern runLine(long id) {
        return java.util.regex.Pattern.compile("(?m)^\\| " + id + " \\| [^|]+ \\| 1 \\| FINISHED \\|");
    }
}
