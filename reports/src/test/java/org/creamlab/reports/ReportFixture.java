package org.creamlab.reports;

import java.nio.file.Path;

/** Gives tests in other packages the report {@link ReportEndToEndTest} builds (built on first use). */
public final class ReportFixture {

    private ReportFixture() {}

    /** The folder of the single-file report ({@code index.html}). */
    public static Path singleFileReport() throws Exception {
        ReportEndToEndTest.buildReport();
        return ReportEndToEndTest.singleFolder();
    }
}
