package org.creamlab.store;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.creamlab.config.Settings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the connection to the store: migrates the schema with Flyway ({@code db/migration}), then
 * opens one Hibernate {@link SessionFactory} that validates its mapping against that schema.
 * Started explicitly ({@link #start()}), closed explicitly; construction does nothing.
 */
public final class StoreService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreService.class);
    private static final int MIGRATION_ATTEMPTS = 8;
    private static final int CONNECT_ATTEMPTS = 10;

    private final Settings settings;
    private SessionFactory sessionFactory;

    public StoreService(Settings settings) {
        this.settings = settings;
    }

    /** Migrates and connects; idempotent. */
    public synchronized RunStore start() {
        if (sessionFactory == null) {
            migrate();
            sessionFactory = openSessionFactory();
            LOG.info("store: {}", redacted(settings.dbUrl()));
        }
        return new RunStore(sessionFactory);
    }

    /**
     * Opens Hibernate, retrying while the H2 file is being handed from one serving process to
     * another (AUTO_SERVER reports "Database may be already in use" for a moment then).
     */
    private SessionFactory openSessionFactory() {
        for (int attempt = 1; ; attempt++) {
            try {
                return new HibernatePersistenceConfiguration("creamlab")
                        .managedClasses(ExperimentEntity.class, RunEntity.class, MetricEntity.class, ArtifactEntity.class)
                        .jdbcUrl(settings.dbUrl())
                        .jdbcCredentials(settings.dbUser(), settings.dbPassword())
                        .jdbcPoolSize(2)
                        .schemaToolingAction(Action.VALIDATE)
                        .property("hibernate.dialect", dialect(settings.dbUrl()))
                        .createEntityManagerFactory();
            } catch (RuntimeException e) {
                if (attempt == CONNECT_ATTEMPTS || !isTransientLock(e) || permanentProblem(e) != null) {
                    throw e;
                }
                LOG.warn("store busy (attempt {}): {}; retrying", attempt, rootMessage(e));
                sleep(150L * attempt + ThreadLocalRandom.current().nextLong(150));
            }
        }
    }

    /** The Hibernate dialect for a JDBC URL (named, so start-up never depends on a metadata probe). */
    static String dialect(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "org.hibernate.dialect.H2Dialect";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.hibernate.dialect.PostgreSQLDialect";
        }
        throw new IllegalArgumentException("setting 'db.url' must be a jdbc:h2: or jdbc:postgresql: URL, got '" + redacted(url) + "'");
    }

    /** True for H2's momentary "already in use" while another process serves or releases the file. */
    static boolean isTransientLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("Database may be already in use") || m.contains("Connection is broken"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private void migrate() {
        Flyway flyway = Flyway.configure()
                .dataSource(settings.dbUrl(), settings.dbUser(), settings.dbPassword())
                .locations("classpath:db/migration")
                .load();
        // Two processes starting on a fresh database race to create Flyway's history table, and an
        // H2 file is "in use" for a moment while AUTO_SERVER hands it over: retry those. A corrupt
        // file or rejected credentials will not get better: fail at once.
        for (int attempt = 1; ; attempt++) {
            try {
                flyway.migrate();
                return;
            } catch (FlywayException e) {
                String permanent = permanentProblem(e);
                if (permanent != null) {
                    throw new IllegalStateException("cannot open the store at " + redacted(settings.dbUrl()) + ": " + permanent, e);
                }
                if (attempt == MIGRATION_ATTEMPTS) {
                    if (isInUse(e)) {
                        throw new IllegalStateException("cannot open the store at " + redacted(settings.dbUrl())
                                + ": the database file is locked by another program (" + sqlMessage(e) + ", still after "
                                + attempt + " attempts). creamlab processes share an H2 file through AUTO_SERVER=TRUE;"
                                + " a program that opened it without AUTO_SERVER (an H2 console, a database tool) holds it"
                                + " alone: close that program, or set db.url to another database", e);
                    }
                    throw new IllegalStateException("cannot migrate the store at " + redacted(settings.dbUrl()) + ": "
                            + e.getMessage(), e);
                }
                LOG.warn("schema migration attempt {} failed ({}); retrying", attempt, e.getMessage());
                sleep(200L * attempt + ThreadLocalRandom.current().nextLong(200));
            }
        }
    }

    /**
     * What is wrong when retrying cannot help (a corrupt H2 file, rejected credentials, a missing
     * PostgreSQL database), else null.
     */
    static String permanentProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "90030", "90048", "90049":
                        return "the database file is corrupt or not an H2 2.x database (" + firstLine(sql.getMessage())
                                + "); restore it from a backup, or move it away to start an empty store";
                    case "28000", "28P01":
                        return "the user or password was rejected (settings db.user, db.password): " + firstLine(sql.getMessage());
                    case "3D000":
                        return "the database does not exist (" + firstLine(sql.getMessage())
                                + "); create it first (docs/reliability.md, \"A shared team store\")";
                    default:
                        break;
                }
            }
        }
        return null;
    }

    /** True when H2 reports the file as in use by another process (error 90020). */
    private static boolean isInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "90020".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String sqlMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return firstLine(sql.getMessage());
            }
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while migrating", e);
        }
    }

    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    @Override
    public synchronized void close() {
        if (sessionFactory != null) {
            sessionFactory.close();
            sessionFactory = null;
        }
    }
}
