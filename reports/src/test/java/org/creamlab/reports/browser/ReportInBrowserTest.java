package org.creamlab.reports.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.creamlab.reports.ReportFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the generated single-file report in headless Chromium. Fails when Chromium is missing (CI
 * installs it); skip it on a machine without it with {@code -DexcludedGroups=browser}.
 */
@Tag("browser")
class ReportInBrowserTest {

    static final Path SCREENSHOT = Path.of("target", "report-screenshot.png").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void theSummaryNamesCreamAndPoseAndEveryPlotLoads() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find(tmp);
        Path single = ReportFixture.singleFileReport();
        String uid = ReportPageCheck.uidOf(single.resolve("index.html"), "cream-vs-pose: summary");
        ReportPageCheck.Seen seen = ReportPageCheck.check(chromium, single, "testresult/" + uid);
        Files.deleteIfExists(SCREENSHOT);
        chromium.screenshot(single.resolve("index.html").toUri() + "#testresult/" + uid, SCREENSHOT, 1400, 2200);
        assertAll(
                () -> assertTrue(seen.text().contains("CREAM") && seen.text().contains("PoSE"), seen.text()),
                () -> assertTrue(seen.text().contains("CREAM ahead of PoSE"), "the headline shows: " + seen.text()),
                () -> assertTrue(seen.images() >= 6, "plots in the summary: " + seen.images()),
                () -> assertEquals(0, seen.broken(), "broken images"),
                () -> assertTrue(Files.size(SCREENSHOT) > 10_000, "screenshot at " + SCREENSHOT));
    }

    @Test
    void theCheckNoticesABrokenImage() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find(tmp);
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<html><body><div class=\"cl-sum\">CREAM PoSE"
                + "<img src=\"data:image/png;base64,iVBORw0KGgo=\"><img src=\"missing.png\"></div></body></html>");
        ReportPageCheck.Seen seen = ReportPageCheck.check(chromium, site, "x");
        assertEquals(2, seen.images());
        assertEquals(2, seen.broken());
    }
}
