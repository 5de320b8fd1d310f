package org.creamlab.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.creamlab.reports.allure.Categories;
import org.creamlab.reports.allure.ResultsFolder;
import org.creamlab.reports.allure.RunResults;
import org.creamlab.reports.allure.SummaryResults;
import org.creamlab.reports.plots.Plot;
import org.creamlab.reports.summary.SummaryMarkdown;
import org.creamlab.store.Provenance;
import org.creamlab.store.RunStore;
import org.creamlab.store.StoredRun;

/**
 * Builds the HTML report from what the store holds plus whatever Allure results the test runs
 * left: enriches test results, writes a result for every stored run no test result describes, a
 * summary result per experiment (also written as Markdown with its plots to {@code target/summaries/}),
 * {@code categories.json} and (when missing)
 * {@code environment.properties}; carries the trend history over from {@code history}; renders a
 * served report and a single-file one; keeps the new history.
 */
public final class ReportBuilder {

    /**
     * Where things go.
     *
     * @param results the Allure results folder (read and added to)
     * @param history where the trend history is kept between builds (outside {@code target/})
     * @param html the served report's folder
     * @param single the single-file report's folder ({@code index.html})
     * @param summaries where each experiment's summary goes as Markdown ({@code <experiment>.md}) with its plots (PNG)
     */
    public record Paths(Path results, Path history, Path html, Path single, Path summaries) {

        /** The project's usual places under {@code root}. */
        public static Paths under(Path root, Path results) {
            return new Paths(results, root.resolve("reports").resolve("history"),
                    root.resolve("target").resolve("allure-report"), root.resolve("target").resolve("allure-report-single"),
                    root.resolve("target").resolve("summaries"));
        }
    }

    /**
     * What a build did.
     *
     * @param experiments summaries written
     * @param storedRuns run results written from the store
     * @param enriched test results enriched now
     * @param singleFile the single-file report
     * @param skipped the runs and summaries left out, each with the reason
     */
    public record Outcome(int experiments, int storedRuns, int enriched, Path singleFile, List<String> skipped) {}

    private static final java.util.regex.Pattern IMAGE_LINK = java.util.regex.Pattern.compile("!\\[[^]]*]\\(([^)/]+)\\)");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportBuilder.class);

    private final RunStore store;
    private final AllureCli cli;
    private final java.util.function.Predicate<StoredRun> include;

    public ReportBuilder(RunStore store, AllureCli cli) {
        this(store, cli, run -> true);
    }

    /** @param include which stored runs the report shows (e.g. {@link #madeBy} one commit) */
    public ReportBuilder(RunStore store, AllureCli cli, java.util.function.Predicate<StoredRun> include) {
        this.store = store;
        this.cli = cli;
        this.include = include;
    }

    /** Runs whose provenance names a git commit starting with {@code commitPrefix}. */
    public static java.util.function.Predicate<StoredRun> madeBy(String commitPrefix) {
        return run -> run.provenance() != null && run.provenance().gitCommit() != null
                && run.provenance().gitCommit().startsWith(commitPrefix);
    }

    public Outcome build(Paths paths) throws IOException, InterruptedException {
        ResultsFolder folder = new ResultsFolder(paths.results());
        int enriched = new AllureResultsEnricher(store).enrich(paths.results());
        List<StoredRun> runs = store.runs(null).stream().filter(include).toList();
        List<String> skipped = new ArrayList<>();
        int stored = new RunResults(store, folder).write(runs, folder.testRunIds(), skipped);
        Map<String, List<StoredRun>> experiments = SummaryResults.byExperiment(runs);
        SummaryResults summaries = new SummaryResults(store, folder);
        for (Map.Entry<String, List<StoredRun>> e : experiments.entrySet()) {
            writeSummary(summaries, paths.summaries(), e.getKey(), e.getValue(), skipped);
        }
        folder.writeFile("categories.json", folder.toJson(Categories.definitions()));
        if (!runs.isEmpty() && !Files.exists(paths.results().resolve("environment.properties"))) {
            folder.writeFile("environment.properties", environment(runs.get(runs.size() - 1).provenance()));
        }
        copyTree(paths.history(), paths.results().resolve("history"));
        cli.generate(paths.results(), paths.html(), false);
        cli.generate(paths.results(), paths.single(), true);
        copyTree(paths.html().resolve("history"), paths.history());
        return new Outcome(experiments.size(), stored, enriched, paths.single().resolve("index.html"), skipped);
    }

    /**
     * Writes one experiment's summary. When its runs cannot be summarized together (a run whose stored
     * parameters or metrics this code cannot read, e.g. from an older version), each run is tried
     * alone: the ones that fail are left out and named in {@code skipped}, the summary is made from the
     * rest. A summary that still fails is named too; no stored run stops the report.
     */
    static void writeSummary(SummaryResults summaries, Path dir, String experiment, List<StoredRun> runs,
                             List<String> skipped) throws IOException {
        try {
            writeMarkdown(dir, summaries.write(experiment, runs));
            return;
        } catch (RuntimeException all) {
            LOG.warn("summary of {} failed with all its runs ({}); trying each run alone", experiment, all.toString());
        }
        List<StoredRun> readable = new ArrayList<>();
        for (StoredRun run : runs) {
            try {
                summaries.summarize(experiment, List.of(run));
                readable.add(run);
            } catch (RuntimeException e) {
                skipped.add("run " + run.id() + " of " + experiment + " left out of its summary: " + e);
            }
        }
        if (readable.isEmpty()) {
            skipped.add("summary of " + experiment + " not written: none of its " + runs.size() + " runs can be read");
            return;
        }
        try {
            writeMarkdown(dir, summaries.write(experiment, readable));
        } catch (RuntimeException e) {
            skipped.add("summary of " + experiment + " not written: " + e);
        }
    }

    /** {@code <experiment>.md} and {@code <experiment>-<plot>.png} in {@code dir}. */
    static void writeMarkdown(Path dir, SummaryResults.Written written) throws IOException {
        Files.createDirectories(dir);
        String experiment = written.summary().experiment();
        // the plots an earlier build linked (other arms, other names) would otherwise linger beside the new Markdown
        Path previous = dir.resolve(experiment + ".md");
        if (Files.exists(previous)) {
            java.util.regex.Matcher m = IMAGE_LINK.matcher(Files.readString(previous));
            while (m.find()) {
                Files.deleteIfExists(dir.resolve(m.group(1)));
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (Plot p : written.plots()) {
            String file = experiment + "-" + p.name().replaceAll("[^A-Za-z0-9._-]+", "-") + ".png";
            Files.write(dir.resolve(file), p.png());
            files.put(p.name(), file);
        }
        Files.writeString(dir.resolve(experiment + ".md"), SummaryMarkdown.document(written.summary(), files));
    }

    static String environment(Provenance p) throws IOException {
        Properties env = new Properties();
        env.setProperty("git.commit", String.valueOf(p.gitCommit()));
        env.setProperty("java", String.valueOf(p.javaVersion()));
        env.setProperty("djl", String.valueOf(p.djlVersion()));
        env.setProperty("pytorch", String.valueOf(p.pytorchVersion()));
        env.setProperty("host", String.valueOf(p.host()));
        env.setProperty("device", String.valueOf(p.device()));
        StringWriter w = new StringWriter();
        env.store(w, "provenance of the newest stored run");
        return w.toString();
    }

    static boolean isEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
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
