package org.creamlab.reports.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creamlab.config.Settings;

/**
 * The real single-node Slurm cluster and PostgreSQL server {@code .ci/run} starts ({@code .ci/slurm},
 * {@code .ci/postgres}), seen from a test: submissions through {@code bin/creamlab}, as a user types
 * them, a schema of its own in the store, and waiting for jobs.
 */
final class SlurmCluster implements AutoCloseable {

    static final String SLURM = "CREAMLAB_TEST_SLURM";
    static final String PARTITION = "CREAMLAB_TEST_SLURM_PARTITION";
    private static final Pattern SUBMITTED = Pattern.compile("as array job (\\d+) .*\\n.*report job (\\d+) after array job");

    final Path root;
    final Path runs;
    final Path models;
    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    /** Whether {@code .ci/slurm} and {@code .ci/postgres} said the cluster and the server are up. */
    static boolean available() {
        return System.getenv(SLURM) != null && System.getenv("CREAMLAB_TEST_PG_URL") != null;
    }

    SlurmCluster(Path root, Path scratch, String name) throws SQLException, IOException {
        this.root = root;
        this.runs = Files.createDirectories(scratch.resolve("runs"));
        this.models = Files.createDirectories(scratch.resolve("models"));
        String base = System.getenv("CREAMLAB_TEST_PG_URL");
        user = System.getenv("CREAMLAB_TEST_PG_USER");
        password = System.getenv("CREAMLAB_TEST_PG_PASSWORD");
        schema = name + "_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        url = base + "?currentSchema=" + schema;
    }

    /** The store settings of this test's schema. */
    Settings settings() {
        Properties p = new Properties();
        p.setProperty("creamlab.root", root.toString());
        p.setProperty("db.url", url);
        p.setProperty("db.user", user);
        p.setProperty("db.password", password);
        return Settings.from(p);
    }

    /** The arguments that point a command at this test's store and folders. */
    List<String> storeArguments() {
        return List.of("-Ddb.url=" + url, "-Ddb.user=" + user, "-Ddb.password=" + password,
                "-Druns.dir=" + runs, "-Dmodels.dir=" + models);
    }

    /** A command's exit status and output. */
    record Output(int status, String text) {}

    /** Runs {@code bin/creamlab run ARGS} with this test's store and folders. */
    Output creamlab(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/creamlab").toString(), "run"));
        command.addAll(args);
        command.addAll(storeArguments());
        return exec(command, Duration.ofMinutes(5));
    }

    /** The (array, report) job ids a submission printed. */
    static long[] jobs(Output submitted) {
        Matcher m = SUBMITTED.matcher(submitted.text());
        if (!m.find()) {
            throw new AssertionError("no submission in:\n" + submitted.text());
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    /** Waits until none of {@code jobs} (array tasks included) is queued or running. */
    void await(Duration limit, long... jobs) throws IOException, InterruptedException {
        StringBuilder ids = new StringBuilder();
        for (long j : jobs) {
            ids.append(ids.isEmpty() ? "" : ",").append(j);
        }
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            Output q = exec(List.of("squeue", "-h", "-j", ids.toString(), "-o", "%i %T"), Duration.ofSeconds(30));
            if (q.status() == 0 && q.text().isBlank()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("jobs " + ids + " still queued or running after " + limit.toSeconds() + " s:\n"
                + exec(List.of("squeue"), Duration.ofSeconds(30)).text());
    }

    /** The output file of array task {@code task} of {@code job}. */
    Path taskLog(String experiment, long job, int task) {
        return root.resolve("target/slurm").resolve(experiment).resolve("logs").resolve(experiment + "_" + job + "_" + task + ".out");
    }

    /** The output file of the report job. */
    Path reportLog(String experiment, long job) {
        return root.resolve("target/slurm").resolve(experiment).resolve("logs").resolve(experiment + "_report_" + job + ".out");
    }

    static String read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    static Output exec(List<String> command, Duration limit) throws IOException, InterruptedException {
        Path out = Files.createTempFile("creamlab-test", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " ran past " + limit.toSeconds() + " s:\n" + read(out));
            }
            return new Output(p.exitValue(), read(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(System.getenv("CREAMLAB_TEST_PG_URL"), user, password);
             Statement s = c.createStatement()) {
            s.execute("drop schema " + schema + " cascade");
        }
    }
}
