package org.creamlab.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Reads and writes experiments, runs, metrics and artifacts. Every write is its own committed
 * transaction, so a killed process loses nothing it already reported. Thread-safe.
 */
public final class RunStore {

    private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);
    private static final int ATTEMPTS = 8;

    private final SessionFactory sessions;

    RunStore(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * Runs one transaction, retrying when the connection broke under it. With H2's
     * AUTO_SERVER the process that opened the file serves it; when that process exits, the others'
     * connections break once and then reconnect to a new server, so one retry is enough there.
     */
    private <T> T transaction(Function<Session, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return sessions.fromTransaction(work);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !StoreService.isTransientLock(e)) {
                    throw e;
                }
                LOG.warn("store connection broke ({}); retrying the transaction", e.getMessage());
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void inTransaction(Consumer<Session> work) {
        transaction(s -> {
            work.accept(s);
            return null;
        });
    }

    /** Creates the experiment row if needed and returns its id (safe against concurrent creators). */
    public long ensureExperiment(String name, String description) {
        for (int attempt = 0; ; attempt++) {
            Long existing = findExperimentId(name);
            if (existing != null) {
                return existing;
            }
            try {
                return transaction(s -> {
                    ExperimentEntity e = new ExperimentEntity(name, description, Instant.now());
                    s.persist(e);
                    s.flush();
                    return e.id;
                });
            } catch (ConstraintViolationException e) {
                if (attempt > 2) {
                    throw e;
                }
                // another process created it first; read it back
            }
        }
    }

    /**
     * Records the primary endpoints an experiment declares (before its runs start), replacing an
     * earlier declaration; creates the experiment row if needed.
     *
     * @param endpoints one {@code Endpoint.line()} per line
     */
    public void declareEndpoints(String name, String description, String endpoints) {
        long id = ensureExperiment(name, description);
        inTransaction(s -> s.find(ExperimentEntity.class, id).endpoints = endpoints);
    }

    /** The endpoints last declared for an experiment (one per line), if any. */
    public Optional<String> declaredEndpoints(String name) {
        return transaction(s -> s.createSelectionQuery(
                        "select e.endpoints from ExperimentEntity e where e.name = :name", String.class)
                .setParameter("name", name).getResultList().stream().filter(Objects::nonNull).findFirst());
    }

    private Long findExperimentId(String name) {
        return transaction(s -> s.createSelectionQuery(
                        "select e.id from ExperimentEntity e where e.name = :name", Long.class)
                .setParameter("name", name).getResultList().stream().findFirst().orElse(null));
    }

    /** Stores a new RUNNING run owned by this process and returns its id. */
    public long startRun(String experiment, String description, String variant, String paramsJson, long seed,
                         Provenance provenance) {
        return startRun(experiment, description, variant, paramsJson, seed, provenance, RunOwner.current(provenance.host()));
    }

    /** Stores a new RUNNING run owned by {@code owner} and returns its id. */
    long startRun(String experiment, String description, String variant, String paramsJson, long seed,
                  Provenance provenance, RunOwner owner) {
        long experimentId = ensureExperiment(experiment, description);
        return transaction(s -> {
            RunEntity r = new RunEntity();
            r.experiment = s.getReference(ExperimentEntity.class, experimentId);
            r.variant = variant;
            r.params = paramsJson;
            r.seed = seed;
            r.status = RunStatus.RUNNING;
            r.startedAt = Instant.now();
            r.gitCommit = provenance.gitCommit();
            r.gitDirty = provenance.gitDirty();
            r.javaVersion = provenance.javaVersion();
            r.djlVersion = provenance.djlVersion();
            r.pytorchVersion = provenance.pytorchVersion();
            r.host = provenance.host();
            r.device = provenance.device();
            r.threads = provenance.threads();
            r.ownerHost = owner.host();
            r.ownerPid = owner.pid();
            r.ownerTask = owner.task();
            r.heartbeatAt = Instant.now();
            s.persist(r);
            s.flush();
            return r.id;
        });
    }

    /** How long a RUNNING run's heartbeat may be silent before the run counts as interrupted: {@value} s. */
    public static final long DEFAULT_STALE_SECONDS = 120;

    /**
     * As {@link #claimInterrupted(String, String, long, Provenance, RunOwner, Duration)} for this process,
     * with {@link #DEFAULT_STALE_SECONDS}.
     */
    public Optional<Long> claimInterrupted(String experiment, String variant, long seed, Provenance current) {
        return claimInterrupted(experiment, variant, seed, current, RunOwner.current(current.host()),
                Duration.ofSeconds(DEFAULT_STALE_SECONDS));
    }

    /**
     * Takes over, for {@code me}, a RUNNING run of the same experiment, variant and seed whose owner is
     * gone, newest first, made by the same code: the same git commit with a clean checkout (or, outside
     * git, both unknown). An owner is gone when its process on this host has exited, when {@code me} is
     * the same Slurm array task (requeued, maybe on another node), when its heartbeat is older than
     * {@code staleAfter} (a task killed on another node; on this host too, against a reused pid), or
     * when it released the run. Runs of live owners are never taken. Interrupted runs of other code are
     * marked FAILED ("interrupted ... not resumed") so that a resumed run never mixes two versions.
     *
     * <p>One transaction with the rows locked ({@code select ... for update}): of two processes that
     * look at the same interrupted run at once, one takes it and the other then sees a live owner.
     *
     * @return the id of the run now owned by {@code me}, if one was taken
     */
    public Optional<Long> claimInterrupted(String experiment, String variant, long seed, Provenance current,
                                           RunOwner me, Duration staleAfter) {
        return transaction(s -> {
            List<RunEntity> rows = s.createSelectionQuery(
                            "from RunEntity r where r.experiment.name = :name and r.variant = :variant"
                                    + " and r.seed = :seed and r.status = :status order by r.id desc",
                            RunEntity.class)
                    .setParameter("name", experiment).setParameter("variant", variant).setParameter("seed", seed)
                    .setParameter("status", RunStatus.RUNNING)
                    .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
            Instant now = Instant.now();
            Optional<Long> claimed = Optional.empty();
            for (RunEntity r : rows) {
                if (!ownerGone(r, me, now, staleAfter)) {
                    continue;
                }
                if (claimed.isEmpty() && sameCode(r, current)) {
                    r.ownerHost = me.host();
                    r.ownerPid = me.pid();
                    r.ownerTask = me.task();
                    r.heartbeatAt = now;
                    claimed = Optional.of(r.id);
                } else {
                    r.status = RunStatus.FAILED;
                    r.failureCategory = FailureCategory.ERROR.label();
                    r.failureMessage = truncate("interrupted (its process died) and not resumed: "
                            + (claimed.isPresent() ? "a newer interrupted run was resumed instead"
                                    : "the code changed since (commit " + r.gitCommit + (Boolean.TRUE.equals(r.gitDirty) ? " with uncommitted changes" : "")
                                    + " -> " + current.gitCommit() + (Boolean.TRUE.equals(current.gitDirty()) ? " with uncommitted changes" : "") + ")"), 4000);
                    r.endedAt = now;
                }
            }
            return claimed;
        });
    }

    /** Whether a RUNNING run's owner is gone (see {@link #claimInterrupted}). */
    static boolean ownerGone(RunEntity r, RunOwner me, Instant now, Duration staleAfter) {
        boolean stale = r.heartbeatAt == null || r.heartbeatAt.plus(staleAfter).isBefore(now);
        boolean knownHost = r.ownerHost != null && !"unknown".equals(r.ownerHost);
        if (knownHost && me.host().equals(r.ownerHost) && r.ownerPid != null) {
            if (r.ownerPid == me.pid()) {
                return false;   // this very process: never its own run
            }
            return stale || ProcessHandle.of(r.ownerPid).map(p -> !p.isAlive()).orElse(true);
        }
        if (me.task() != null && me.task().equals(r.ownerTask)) {
            return true;   // a Slurm array task runs once at a time: its earlier incarnation is gone
        }
        return stale;
    }

    private static boolean sameCode(RunEntity r, Provenance current) {
        boolean bothOutsideGit = "unknown".equals(r.gitCommit) && "unknown".equals(current.gitCommit());
        boolean sameCleanCommit = r.gitCommit != null && r.gitCommit.equals(current.gitCommit())
                && Boolean.FALSE.equals(r.gitDirty) && Boolean.FALSE.equals(current.gitDirty());
        return bothOutsideGit || sameCleanCommit;
    }

    /**
     * Gives a RUNNING run of {@code owner} up without ending it: its owner stopped (SIGTERM) and any
     * later task may resume it at once, on any host (its heartbeat is set to the epoch). A run another
     * process has taken over since is left alone.
     */
    public void release(long runId, RunOwner owner) {
        inTransaction(s -> s.createMutationQuery("update RunEntity r set r.heartbeatAt = :epoch, r.ownerPid = null,"
                        + " r.ownerTask = null where r.id = :id and r.status = :status and r.ownerHost = :host and r.ownerPid = :pid")
                .setParameter("epoch", Instant.EPOCH).setParameter("id", runId).setParameter("status", RunStatus.RUNNING)
                .setParameter("host", owner.host()).setParameter("pid", owner.pid()).executeUpdate());
    }

    /**
     * Marks a RUNNING run of {@code owner} as alive now (its owner calls this periodically).
     *
     * @return false when the run is no longer {@code owner}'s (finished, or taken over by another process)
     */
    public boolean heartbeat(long runId, RunOwner owner) {
        return transaction(s -> s.createMutationQuery("update RunEntity r set r.heartbeatAt = :now where r.id = :id"
                        + " and r.status = :status and r.ownerHost = :host and r.ownerPid = :pid")
                .setParameter("now", Instant.now()).setParameter("id", runId).setParameter("status", RunStatus.RUNNING)
                .setParameter("host", owner.host()).setParameter("pid", owner.pid()).executeUpdate()) == 1;
    }

    /** Marks a run FINISHED. */
    public void finishRun(long runId) {
        end(runId, RunStatus.FINISHED, null, null);
    }

    /** Marks a run FAILED with a category and the reason (truncated to the column). */
    public void failRun(long runId, FailureCategory category, String message) {
        end(runId, RunStatus.FAILED, category.label(), message == null ? "" : truncate(message, 4000));
    }

    private void end(long runId, RunStatus status, String category, String message) {
        inTransaction(s -> {
            RunEntity r = s.find(RunEntity.class, runId);
            if (r == null) {
                throw new IllegalArgumentException("no run with id " + runId);
            }
            r.status = status;
            r.failureCategory = category;
            r.failureMessage = message;
            r.endedAt = Instant.now();
        });
    }

    /** Stores one metric, committed on return. */
    public void logMetric(long runId, Metric metric) {
        inTransaction(s -> s.persist(toEntity(runId, metric)));
    }

    /** Stores several metrics in one transaction (all or none). */
    public void logMetrics(long runId, List<Metric> metrics) {
        inTransaction(s -> metrics.forEach(m -> s.persist(toEntity(runId, m))));
    }

    private static MetricEntity toEntity(long runId, Metric metric) {
        MetricEntity e = new MetricEntity();
        e.runId = runId;
        e.name = metric.name();
        e.step = metric.step();
        e.value = metric.value();
        Dimensions d = metric.dimensions();
        e.task = d.task();
        e.contextLength = d.length();
        e.goldPosition = d.position();
        e.depth = d.depth();
        e.createdAt = Instant.now();
        return e;
    }

    /** Records an artifact. */
    public void addArtifact(StoredArtifact artifact) {
        inTransaction(s -> {
            ArtifactEntity e = new ArtifactEntity();
            e.runId = artifact.runId();
            e.kind = artifact.kind();
            e.path = artifact.path();
            e.sha256 = artifact.sha256();
            e.sizeBytes = artifact.sizeBytes();
            e.createdAt = Instant.now();
            s.persist(e);
        });
    }

    /** One run, or null. */
    public StoredRun run(long runId) {
        return transaction(s -> s.createSelectionQuery(
                        "from RunEntity r join fetch r.experiment where r.id = :id", RunEntity.class)
                .setParameter("id", runId).getResultList().stream().findFirst().map(RunStore::toRecord).orElse(null));
    }

    /** All runs, oldest first; of one experiment when {@code experiment} is not null. */
    public List<StoredRun> runs(String experiment) {
        return transaction(s -> s.createSelectionQuery(
                        "from RunEntity r join fetch r.experiment e where (:name is null or e.name = :name) order by r.id",
                        RunEntity.class)
                .setParameter("name", experiment)
                .getResultList().stream().map(RunStore::toRecord).toList());
    }

    /** All metrics of a run in the order they were stored. */
    public List<Metric> metrics(long runId) {
        return transaction(s -> s.createSelectionQuery(
                        "from MetricEntity m where m.runId = :run order by m.id", MetricEntity.class)
                .setParameter("run", runId)
                .getResultList().stream().map(RunStore::toMetric).toList());
    }

    /** All artifacts of a run. */
    public List<StoredArtifact> artifacts(long runId) {
        return transaction(s -> s.createSelectionQuery(
                        "from ArtifactEntity a where a.runId = :run order by a.id", ArtifactEntity.class)
                .setParameter("run", runId)
                .getResultList().stream()
                .map(a -> new StoredArtifact(a.runId, a.kind, a.path, a.sha256, a.sizeBytes)).toList());
    }

    private static Metric toMetric(MetricEntity m) {
        return new Metric(m.name, m.step, m.value, new Dimensions(m.task, m.contextLength, m.goldPosition, m.depth));
    }

    private static StoredRun toRecord(RunEntity r) {
        Provenance p = new Provenance(r.gitCommit, r.gitDirty, r.javaVersion, r.djlVersion, r.pytorchVersion, r.host,
                r.device, r.threads == null ? 0 : r.threads);
        return new StoredRun(r.id, r.experiment.name, r.variant, r.params, r.seed, r.status, r.failureCategory,
                r.failureMessage, r.startedAt, r.endedAt, p, r.heartbeatAt, r.ownerTask);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
