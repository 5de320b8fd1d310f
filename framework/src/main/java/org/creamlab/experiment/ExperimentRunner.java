package org.creamlab.experiment;

import com.google.gson.Gson;
import com.google.inject.Injector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import org.creamlab.config.Settings;
import org.creamlab.store.FailureCategory;
import org.creamlab.store.Provenance;
import org.creamlab.store.RunStore;
import org.creamlab.store.StoredArtifact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;
import org.creamlab.metric.MetricLog;

/**
 * Does one {@link RunPlan}: stores the run as RUNNING with its provenance, builds the experiment
 * class with Guice, runs it, and stores FINISHED or FAILED (with a category and the reason).
 */
public final class ExperimentRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    private final Injector injector;
    private final RunStore store;
    private final Provenance provenance;
    private final Settings settings;
    private final StopSignal stop;
    private final org.creamlab.store.RunOwner owner;
    /** One daemon thread that refreshes the heartbeat of the run in progress. */
    private final java.util.concurrent.ScheduledExecutorService heartbeats =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "creamlab-heartbeat");
                t.setDaemon(true);
                return t;
            });

    public ExperimentRunner(Injector injector, RunStore store, Provenance provenance, Settings settings) {
        this(injector, store, provenance, settings, StopSignal.never());
    }

    /** @param stop set by the session's SIGTERM hook: the run in progress stops at a checkpoint */
    public ExperimentRunner(Injector injector, RunStore store, Provenance provenance, Settings settings, StopSignal stop) {
        this.stop = stop;
        this.owner = org.creamlab.store.RunOwner.current(provenance.host());
        this.injector = injector;
        this.store = store;
        this.provenance = provenance;
        this.settings = settings;
    }

    /** The outcome of a run that finished; failures are thrown after being stored. */
    public record Outcome(long runId, double seconds) {}

    /** The store runs are written to. */
    public RunStore store() {
        return store;
    }

    /** Runs the plan; on failure the run is stored FAILED and the exception is rethrown. */
    public Outcome run(RunPlan plan) throws Exception {
        return run(plan, runId -> { });
    }

    /**
     * Runs the plan, telling {@code onStarted} the run id as soon as it is stored.
     * On failure the run is stored FAILED and the exception is rethrown.
     */
    public Outcome run(RunPlan plan, LongConsumer onStarted) throws Exception {
        return run(plan, onStarted, runId -> { });
    }

    /**
     * Runs the plan, telling {@code onStarted} the run id as soon as it is stored and {@code onEnded}
     * the same id once the run has ended (finished, failed or stopped), while the run still counts as
     * in progress: a stop signal waits for {@code onEnded} before it closes the store, so
     * {@code onEnded} may read the run's metrics. A failure of {@code onEnded} is logged, not thrown.
     * On failure the run is stored FAILED and the exception is rethrown.
     */
    public Outcome run(RunPlan plan, LongConsumer onStarted, LongConsumer onEnded) throws Exception {
        if (!stop.tryBegin()) {
            throw new RunStoppedException(0, null);   // stopping: start nothing new
        }
        long[] runId = {-1};
        try {
            return runBegun(plan, id -> {
                runId[0] = id;
                onStarted.accept(id);
            });
        } finally {
            try {
                if (runId[0] >= 0) {
                    onEnded.accept(runId[0]);
                }
            } catch (RuntimeException | Error e) {   // never in place of the run's own outcome
                LOG.warn("run {}: after its end: {}", runId[0], e.toString(), e);
            } finally {
                stop.settled();
            }
        }
    }

    private Outcome runBegun(RunPlan plan, LongConsumer onStarted) throws Exception {
        ExperimentDescriptor e = plan.experiment();
        Optional<Long> interrupted = store.claimInterrupted(e.name(), plan.params().canonical(), plan.seed(), provenance,
                owner, java.time.Duration.ofSeconds(RunStore.DEFAULT_STALE_SECONDS));
        long runId;
        Set<MetricKey> stored = new HashSet<>();
        List<Metric> previous = List.of();
        if (interrupted.isPresent()) {
            runId = interrupted.get();
            previous = store.metrics(runId);
            previous.forEach(m -> stored.add(MetricKey.of(m)));
            LOG.info("run {} resumed ({} metrics already stored): {}", runId, stored.size(), plan.displayName());
        } else {
            runId = store.startRun(e.name(), e.description(), plan.params().canonical(),
                    new Gson().toJson(plan.params().values()), plan.seed(), provenance);
            LOG.info("run {} started: {}", runId, plan.displayName());
        }
        stop.running(runId);
        onStarted.accept(runId);
        long start = System.nanoTime();
        java.util.concurrent.ScheduledFuture<?> heartbeat = heartbeats.scheduleWithFixedDelay(() -> beat(runId),
                HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        try {
            Path work = RunFolder.prepare(settings.runsDirectory().resolve(e.name()).resolve(Long.toString(runId)),
                    interrupted.isPresent(), runId);
            ExperimentBody body = injector.getInstance(e.type());
            body.run(new StoredRunContext(plan, runId, work, interrupted.isPresent(), stored, previous));
            stopHeartbeat(heartbeat);
            store.finishRun(runId);
            double seconds = (System.nanoTime() - start) / 1e9;
            LOG.info("run {} FINISHED in {}: {}", runId, formatDuration(seconds), plan.displayName());
            return new Outcome(runId, seconds);
        } catch (RunStoppedException stopped) {
            stopHeartbeat(heartbeat);
            release(runId);
            LOG.warn("run {} stopped on request after {} ({}); released: the same command resumes it: {}", runId,
                    formatDuration((System.nanoTime() - start) / 1e9), stopped.getMessage(), plan.displayName());
            throw stopped;
        } catch (Exception | Error failure) {
            stopHeartbeat(heartbeat);
            if (stop.requested()) {
                // stopping, not failing: work cut off by the shutdown (a closed store, an interrupt) is resumed later
                release(runId);
                LOG.warn("run {} stopped on request outside training ({}); released: the same command resumes it", runId,
                        failure.toString());
                throw new RunStoppedException(0, null);
            }
            FailureCategory category = FailureClassifier.classify(failure);
            store.failRun(runId, category, failure.toString());
            LOG.error("run {} FAILED ({}) after {}: {}", runId, category.label(),
                    formatDuration((System.nanoTime() - start) / 1e9), failure.toString());
            throw failure;
        }
    }

    /** Seconds between two heartbeats of a running run (a run is stale after {@link RunStore#DEFAULT_STALE_SECONDS}). */
    public static final long HEARTBEAT_SECONDS = 30;

    /** Cancels the heartbeat and waits for a beat in flight, so none lands after the run was released or ended. */
    private void stopHeartbeat(java.util.concurrent.Future<?> heartbeat) {
        heartbeat.cancel(false);
        try {
            heartbeats.submit(() -> { }).get();   // the executor is single-threaded: this runs after any beat in flight
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Releases a run of this process in the store (resumable at once by any task); used when a stop
     * request cut it off, also by the signal handler when the run did not reach a safe point in time.
     */
    public void release(long runId) {
        try {
            store.release(runId, owner);
        } catch (RuntimeException e) {
            LOG.warn("run {} not released ({}); it is resumed once its heartbeat is {} s old", runId, e.toString(),
                    RunStore.DEFAULT_STALE_SECONDS);
        }
    }

    private void beat(long runId) {
        try {
            if (!store.heartbeat(runId, owner)) {
                LOG.error("run {} is no longer this process's in the store (taken over after a silent heartbeat?): its"
                        + " results may be mixed with another process's", runId);
            }
        } catch (RuntimeException e) {
            LOG.warn("heartbeat of run {} not stored: {}", runId, e.toString());
        }
    }

    /** Stops the heartbeat thread (the session's end). */
    void shutdown() {
        heartbeats.shutdownNow();
    }

    static String formatDuration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? String.format("%.1f s", seconds) : String.format("%d min %02d s", s / 60, s % 60);
    }

    /** Identity of a metric within a run: name, step and dimensions. */
    private record MetricKey(String name, Long step, Dimensions dimensions) {
        static MetricKey of(Metric m) {
            return new MetricKey(m.name(), m.step(), m.dimensions());
        }
    }

    private final class StoredRunContext implements RunContext {
        private final RunPlan plan;
        private final long runId;
        private final Path work;
        private final boolean resumed;
        /** Metrics stored before a resume (never changes while the run goes on). */
        private final Set<MetricKey> stored;
        private final List<Metric> previous;
        private final MetricLog metrics;

        StoredRunContext(RunPlan plan, long runId, Path work, boolean resumed, Set<MetricKey> stored, List<Metric> previous) {
            this.previous = List.copyOf(previous);
            this.plan = plan;
            this.runId = runId;
            this.work = work;
            this.resumed = resumed;
            this.stored = Set.copyOf(stored);
            this.metrics = metric -> {
                if (!stored.contains(MetricKey.of(metric))) {
                    store.logMetric(runId, metric);
                }
            };
        }

        @Override
        public boolean resumed() {
            return resumed;
        }

        @Override
        public StopSignal stopSignal() {
            return stop;
        }

        @Override
        public List<Metric> previousMetrics() {
            return previous;
        }

        @Override
        public boolean hasMetric(String name, Long step, Dimensions dimensions) {
            return stored.contains(new MetricKey(name, step, dimensions));
        }

        @Override
        public RunPlan plan() {
            return plan;
        }

        @Override
        public long runId() {
            return runId;
        }

        @Override
        public MetricLog metrics() {
            return metrics;
        }

        @Override
        public Path workDirectory() {
            return work;
        }

        @Override
        public void artifact(String kind, Path file) {
            try {
                store.addArtifact(new StoredArtifact(runId, kind, file.toAbsolutePath().toString(), sha256(file),
                        Files.size(file)));
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot record artifact " + file, ex);
            }
        }
    }

    /** Hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
