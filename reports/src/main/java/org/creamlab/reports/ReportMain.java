package org.creamlab.reports;

import java.nio.file.Path;
import org.creamlab.config.Settings;
import org.creamlab.store.RunStore;
import org.creamlab.store.StoreService;

/**
 * {@code mvn test -Dreport}: builds the HTML report from the store (every experiment's summary and
 * every stored run) and from the Allure results the test runs left ({@link ReportBuilder}). Prints
 * where the reports are.
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
            ReportBuilder.Outcome o = new ReportBuilder(store, new AllureCli(cliHome)).build(paths);
            System.out.println("report: " + o.experiments() + " experiment summaries, " + o.storedRuns()
                    + " run(s) from the store, " + o.enriched() + " test result(s) enriched");
            System.out.println("report: " + o.singleFile().toUri() + "  (single file, opens from disk)");
            System.out.println("report: " + paths.html().resolve("index.html") + "  (serve it: python3 -m http.server -d "
                    + paths.html() + " --bind 127.0.0.1 8000)");
        }
    }
}
