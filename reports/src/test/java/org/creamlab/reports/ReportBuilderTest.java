package org.creamlab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.creamlab.config.Settings;
import org.creamlab.store.StoreService;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    /** Under target/ so the generated report can be looked at after the test. */
    private final Path root = Path.of("target", "report-e2e").toAbsolutePath();

    @Test
    void buildsTheReportFromTheStoreAlone() throws Exception {
        TestFiles.deleteTree(root);
        Settings settings = SyntheticStudy.settings(root);
        try (StoreService service = new StoreService(settings)) {
            var store = service.start();
            SyntheticStudy.populate(store);
            var paths = ReportBuilder.Paths.under(root, settings.allureResults());
            var outcome = new ReportBuilder(store, new AllureCli(Path.of(System.getProperty("allure.cli.home"))))
                    .build(paths);
            assertEquals(1, outcome.experiments());
            assertEquals(5, outcome.storedRuns());
            assertTrue(Files.isRegularFile(outcome.singleFile()));
        }
    }
}
