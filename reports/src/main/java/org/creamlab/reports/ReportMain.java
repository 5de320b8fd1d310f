package org.creamlab.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.creamlab.config.Settings;
import org.creamlab.store.StoreService;

/**
 * Builds the HTML report: enriches the Allure results with what the store holds (plots), carries
 * the trend history over from the previous report ({@code reports/history}, outside
 * {@code target/}), and renders a served report and a single-file one. Prints where they are.
 */
public final class ReportMain {

    private ReportMain() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Settings settings = Settings.fromSystemProperties();
        Path cliHome = Path.of(System.getProperty("allure.cli.home",
                settings.root().resolve("reports/target/allure-cli/allure-2.34.1").toString()));
        Path results = settings.allureResults();
        if (!Files.isDirectory(results) || isEmpty(results)) {
            System.out.println("report: no Allure results in " + results + "; run an experiment first (mvn test -Dexperiment=smoke)");
            return;
        }
        try (StoreService service = new StoreService(settings)) {
            int enriched = new AllureResultsEnricher(service.start()).enrich(results);
            System.out.println("report: added store data to " + enriched + " new run result(s)");
        }
        Path history = settings.root().resolve("reports").resolve("history");
        copyTree(history, results.resolve("history"));
        Path html = settings.root().resolve("target").resolve("allure-report");
        Path single = settings.root().resolve("target").resolve("allure-report-single");
        AllureCli cli = new AllureCli(cliHome);
        cli.generate(results, html, false);
        cli.generate(results, single, true);
        copyTree(html.resolve("history"), history);
        System.out.println("report: " + single.resolve("index.html").toUri() + "  (single file, opens from disk)");
        System.out.println("report: " + html.resolve("index.html") + "  (serve it: python3 -m http.server -d "
                + html + " --bind 127.0.0.1 8000)");
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
