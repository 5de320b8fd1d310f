package org.creamlab.reports;

import java.nio.file.Path;
import org.creamlab.config.Settings;
import org.creamlab.store.RunStore;
import org.creamlab.store.StoreService;

/**
 * {@code mvn test -Dreport}: builds the HTML report from the store (every experiment's summary and
 * every stored run) and from the Allure results the test runs left ({@link ReportBuilder}). Prints
 * where the reports are. {@code -Dreport.commit=SHA} keeps only the runs made by that commit (a
 * prefix of it), e.g. a study's final runs without its calibration runs.
 */
public final class ReportMain {

    private ReportMain() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Settings settings = Settings.fromSystemProperties();
        Path cliHome = Path.of(System.getProperty("allure.cli.home",
                settings.root().resolve("reports/target/allure-cli/allure-2.34.1").toString()));
        Path results = settings.allureResults();
        try (StoreService service = new StoreService(settings)) {
            RunStore store = service.start();
            if (store.runs(null).isEmpty() && ReportBuilder.isEmpty(results)) {
                System.out.println("report: the store and " + results + " are empty; run an experiment first"
                        + " (mvn test -Dexperiment=smoke)");
                return;
            }
            ReportBuilder.Paths paths = ReportBuilder.Paths.under(settings.root(), results);
            String commit = System.getProperty("report.commit", "").strip();
            ReportBuilder builder = commit.isEmpty() ? new ReportBuilder(store, new AllureCli(cliHome))
                    : new ReportBuilder(store, new AllureCli(cliHome), ReportBuilder.madeBy(commit));
            if (!commit.isEmpty()) {
                System.out.println("report: only runs made by commit " + commit);
            }
            long t0 = System.nanoTime();
            ReportBuilder.Outcome o = builder.build(paths);
            System.out.println("report: " + o.experiments() + " experiment summaries, " + o.storedRuns()
                    + " run(s) from the store, " + o.enriched() + " test result(s) enriched, built in "
                    + String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
            for (String s : o.skipped()) {
                System.out.println("report: skipped " + s);
            }
            System.out.println("report: " + o.singleFile().toUri() + "  (single file, opens from disk)");
            System.out.println("report: " + paths.html().resolve("index.html") + "  (serve it: python3 -m http.server -d "
                    + paths.html() + " --bind 127.0.0.1 8000)");
        }
    }
}
