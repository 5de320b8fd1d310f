package org.creamlab.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Process-wide settings, read once from system properties (which Maven's {@code -Dname=value}
 * reaches through Surefire). Every setting has one documented place here; nothing else reads
 * system properties.
 *
 * @param root the project root (the folder with the parent pom); holds {@code db/} and {@code target/}
 * @param dbUrl the JDBC URL of the store ({@code -Ddb.url}); default: the H2 file {@code db/creamlab}
 * @param dbUser the store user ({@code -Ddb.user}, default {@code sa})
 * @param dbPassword the store password ({@code -Ddb.password}, else the environment's
 *     {@code CREAMLAB_DB_PASSWORD}, else empty; the environment keeps it off command lines, e.g. Slurm tasks)
 * @param threads intra-op threads for the engine ({@code -Dthreads}, default 1)
 * @param device {@code cpu} or {@code gpu} ({@code -Ddevice}); {@code gpu} uses a GPU when DJL finds one
 * @param allureResults the folder Allure results are written to ({@code -Dallure.results.directory})
 * @param runs where runs keep their files, checkpoints included ({@code -Druns.dir}, default
 *     {@code <root>/target/runs}); on a cluster, a folder every node sees
 * @param models the cache of pre-trained bases ({@code -Dmodels.dir}, default {@code <root>/db/models});
 *     on a cluster, a folder every node sees
 */
public record Settings(Path root, String dbUrl, String dbUser, String dbPassword, int threads, String device,
                       Path allureResults, Path runs, Path models) {

    public Settings {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(dbUrl, "dbUrl");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(models, "models");
        if (threads < 1) {
            throw new IllegalArgumentException("setting 'threads' must be >= 1, got " + threads);
        }
        if (!device.equals("cpu") && !device.equals("gpu")) {
            throw new IllegalArgumentException("setting 'device' must be one of [cpu, gpu], got '" + device + "'");
        }
    }

    /** The environment variable the store password may come from (not shown on command lines). */
    public static final String PASSWORD_VARIABLE = "CREAMLAB_DB_PASSWORD";

    /** The default H2 file database under {@code <root>/db/}, shared by concurrent processes. */
    public static String defaultDbUrl(Path root) {
        return "jdbc:h2:file:" + root.resolve("db").resolve("creamlab").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    /** Reads the current JVM's system properties. */
    public static Settings fromSystemProperties() {
        return from(System.getProperties());
    }

    /** Reads settings from the given properties; blank values count as absent. */
    public static Settings from(Properties properties) {
        Path root = Path.of(value(properties, "creamlab.root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        String threadsText = value(properties, "threads", "1");
        int threads;
        try {
            threads = Integer.parseInt(threadsText.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting 'threads' must be a positive integer, got '" + threadsText + "'");
        }
        return new Settings(
                root,
                value(properties, "db.url", defaultDbUrl(root)),
                value(properties, "db.user", "sa"),
                value(properties, "db.password", Objects.requireNonNullElse(System.getenv(PASSWORD_VARIABLE), "")),
                threads,
                value(properties, "device", "cpu").trim().toLowerCase(Locale.ROOT),
                Path.of(value(properties, "allure.results.directory", root.resolve("target/allure-results").toString())),
                Path.of(value(properties, "runs.dir", root.resolve("target").resolve("runs").toString())).toAbsolutePath(),
                Path.of(value(properties, "models.dir", root.resolve("db").resolve("models").toString())).toAbsolutePath());
    }

    /** A copy pointing at another database. */
    public Settings withDbUrl(String url) {
        return new Settings(root, url, dbUser, dbPassword, threads, device, allureResults, runs, models);
    }

    /** Where runs keep their files (checkpoints, samples): {@link #runs()}. */
    public Path runsDirectory() {
        return runs;
    }

    /** The cache of pre-trained bases: {@link #models()}. */
    public Path modelsDirectory() {
        return models;
    }

    static String value(Map<Object, Object> properties, String key, String fallback) {
        Object v = properties.get(key);
        return v == null || v.toString().isBlank() ? fallback : v.toString();
    }
}
