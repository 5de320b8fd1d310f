package org.creamlab.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.creamlab.config.Settings;

/**
 * The databases the store tests run against: an H2 file in the test's folder (always), and a real
 * PostgreSQL server when {@code CREAMLAB_TEST_PG_URL} (plus {@code CREAMLAB_TEST_PG_USER},
 * {@code CREAMLAB_TEST_PG_PASSWORD}) is set, as {@code .ci/run} does after starting one with
 * {@code .ci/postgres}. Each PostgreSQL test gets a fresh schema (selected with
 * {@code currentSchema=} in the URL, dropped afterwards), so runs never see each other's rows and
 * Flyway migrates from nothing every time.
 */
enum StoreBackend {
    H2,
    POSTGRESQL;

    static final String PG_URL = "CREAMLAB_TEST_PG_URL";
    static final String PG_USER = "CREAMLAB_TEST_PG_USER";
    static final String PG_PASSWORD = "CREAMLAB_TEST_PG_PASSWORD";

    /** One test's database; closing it drops a PostgreSQL schema (H2 files go with the temp folder). */
    record TestDatabase(Settings settings, Runnable dropper) implements AutoCloseable {

        /** {@code -D} options that point another JVM at this database. */
        List<String> jvmOptions() {
            List<String> out = new ArrayList<>();
            out.add("-Dcreamlab.root=" + settings.root());
            out.add("-Ddb.url=" + settings.dbUrl());
            out.add("-Ddb.user=" + settings.dbUser());
            out.add("-Ddb.password=" + settings.dbPassword());
            return out;
        }

        @Override
        public void close() {
            dropper.run();
        }
    }

    /**
     * Opens this backend for a test whose temporary folder is {@code dir}.
     * PostgreSQL is skipped (an assumption, reported as skipped) when no server is configured.
     */
    TestDatabase open(Path dir) {
        Properties p = new Properties();
        p.setProperty("creamlab.root", dir.toString());
        if (this == H2) {
            p.setProperty("db.url", "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + ";AUTO_SERVER=TRUE");
            return new TestDatabase(Settings.from(p), () -> { });
        }
        String url = System.getenv(PG_URL);
        if ((url == null || url.isBlank()) && System.getenv("CREAMLAB_TEST_REQUIRE_SERVICES") != null) {
            throw new AssertionError("CREAMLAB_TEST_REQUIRE_SERVICES is set but " + PG_URL + " is not: .ci/postgres did not start");
        }
        assumeTrue(url != null && !url.isBlank(), "PostgreSQL store tests skipped: " + PG_URL + " is not set"
                + " (start a server with `eval \"$(.ci/postgres start)\"`, as .ci/run does)");
        String user = System.getenv().getOrDefault(PG_USER, "");
        String password = System.getenv().getOrDefault(PG_PASSWORD, "");
        String schema = "t_" + Long.toHexString(System.nanoTime()) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
        execute(url, user, password, "create schema " + schema);
        p.setProperty("db.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        p.setProperty("db.user", user);
        p.setProperty("db.password", password);
        return new TestDatabase(Settings.from(p), () -> execute(url, user, password, "drop schema " + schema + " cascade"));
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " (" + PG_URL + "): " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
