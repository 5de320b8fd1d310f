package org.creamlab.experiment;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.ServiceLoader;
import org.creamlab.config.Settings;
import org.creamlab.engine.EngineService;
import org.creamlab.engine.ProvenanceCollector;
import org.creamlab.metric.Endpoint;
import org.creamlab.store.Provenance;
import org.creamlab.store.RunStore;
import org.creamlab.store.StoreService;
import org.creamlab.store.StoredRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One test session's view of the experiments: which were selected and their runs (resolved and
 * validated with no compute at all), and, started on first use, the store, the engine, the Guice
 * injector and the runner. Used by the JUnit integration and by {@link org.creamlab.experiment.cli.RunExperimentsCli}.
 *
 * <p>Feature modules are found with {@link ServiceLoader} ({@code META-INF/services/com.google.inject.Module});
 * they must be side-effect free.
 */
public final class ExperimentSession implements AutoCloseable {

    /** The property that runs only the points not yet finished in the store ({@link #skipFinished()}). */
    public static final String SKIP_FINISHED = "skip.finished";
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentSession.class);

    private final Settings settings;
    private final ExperimentRegistry registry;
    private final Properties properties;
    private StoreService storeService;
    private RunStore readOnlyStore;
    private ExperimentRunner runner;
    private Provenance provenance;
    /** Set on SIGTERM: the run in progress checkpoints, is released in the store, and the JVM exits. */
    private final StopSignal stop = StopSignal.create();

    public ExperimentSession(Settings settings, ExperimentRegistry registry, Properties properties) {
        this.settings = settings;
        this.registry = registry;
        this.properties = properties;
    }

    public Settings settings() {
        return settings;
    }

    public ExperimentRegistry registry() {
        return registry;
    }

    /** True when {@code -Dlist} asks to list experiments instead of running them. */
    public boolean listOnly() {
        String list = properties.getProperty("list", "");
        return !list.isBlank() && !list.equalsIgnoreCase("false");
    }

    /**
     * The experiments named by {@code -Dexperiment} (a comma list), else {@code defaultSelection}.
     *
     * @throws org.creamlab.experiment.UnknownExperimentException naming the known experiments
     */
    public List<ExperimentDescriptor> selected(String defaultSelection) {
        String chosen = properties.getProperty("experiment", "");
        return registry.select(chosen.isBlank() ? defaultSelection : chosen);
    }

    /**
     * All runs of the selected experiments, validated against their declarations. Records each
     * experiment's declared primary endpoints in the store, before any of its runs.
     *
     * @throws org.creamlab.experiment.InvalidParameterException before anything is computed
     */
    public List<List<RunPlan>> plans(List<ExperimentDescriptor> experiments) {
        OptionalInt index = SweepIndex.from(properties);
        if (index.isPresent() && experiments.size() != 1) {
            throw new InvalidParameterException("setting '" + SweepIndex.INDEX + "': needs exactly one experiment, got "
                    + experiments.stream().map(ExperimentDescriptor::name).toList());
        }
        List<List<RunPlan>> all = sweeps(experiments);
        if (index.isPresent()) {
            SweepIndex.checkFingerprint(properties, experiments.get(0).name(), all.get(0));
            all = List.of(SweepIndex.select(experiments.get(0).name(), all.get(0), index.getAsInt()));
        }
        if (skipFinished()) {
            all = withoutFinished(experiments, all);
        }
        for (ExperimentDescriptor e : experiments) {
            if (!e.endpoints().isEmpty()) {
                store().declareEndpoints(e.name(), e.description(), Endpoint.lines(e.endpoints()));
            }
        }
        return all;
    }

    /**
     * True when {@code -Dskip.finished} asks to run only the points the store does not have as finished (nor
     * running in a live process elsewhere): a long sweep split over several sessions goes on where it stopped
     * instead of running its finished points again. Without it every point runs (a rerun reproduces).
     */
    public boolean skipFinished() {
        String v = properties.getProperty(SKIP_FINISHED, "");
        return !v.isBlank() && !v.equalsIgnoreCase("false");
    }

    /**
     * Drops the points with a finished run in the store, or one running in a live process. A finished run of any
     * code counts (as in {@code -Dstatus}): the log names each skipped run and its commit, and warns when that is
     * not this checkout's, since the tables would then mix code versions.
     */
    private List<List<RunPlan>> withoutFinished(List<ExperimentDescriptor> experiments, List<List<RunPlan>> all) {
        String head = ProvenanceCollector.gitCommit(settings);
        List<List<RunPlan>> kept = new ArrayList<>();
        for (int i = 0; i < experiments.size(); i++) {
            List<SweepStatus.Point> points = statusOf(experiments.get(i), all.get(i));
            for (SweepStatus.Point p : points) {
                if (!p.state().needsRun()) {
                    StoredRun r = p.run().orElseThrow();
                    String commit = r.provenance() == null || r.provenance().gitCommit() == null ? "unknown"
                            : r.provenance().gitCommit();
                    LOG.info("{}: skipped, {} as run {} (commit {}): {}", SKIP_FINISHED,
                            p.state().name().toLowerCase(java.util.Locale.ROOT), r.id(), commit, p.plan().displayName());
                    if (!commit.equals(head)) {
                        LOG.warn("{}: run {} was made by commit {}, this checkout is {}: its results will sit beside "
                                + "this code's; use a fresh store (-Ddb.url) or leave out -D{} to run it again", SKIP_FINISHED,
                                r.id(), commit, head, SKIP_FINISHED);
                    }
                }
            }
            List<RunPlan> toRun = SweepStatus.toRun(points);
            LOG.info("{}: {} of {} points of {} to run", SKIP_FINISHED, toRun.size(), points.size(),
                    experiments.get(i).name());
            kept.add(toRun);
        }
        return kept;
    }

    /**
     * Every point of each selected experiment (whatever {@code -Dsweep.index} says), validated, with
     * no store and no compute: what {@code -Dsweep.list} prints and a submission addresses.
     *
     * @throws org.creamlab.experiment.InvalidParameterException for a value no point may take
     */
    public List<List<RunPlan>> sweeps(List<ExperimentDescriptor> experiments) {
        SweepOverrides overrides = SweepOverrides.from(properties);
        List<List<RunPlan>> all = new ArrayList<>();
        for (ExperimentDescriptor e : experiments) {
            List<RunPlan> plans = SweepExpander.expand(e, overrides);
            check(e, plans);
            all.add(plans);
        }
        return all;
    }

    /** True when {@code -Dsweep.list} asks to print the sweep's points instead of running them. */
    public boolean sweepListOnly() {
        return SweepIndex.listRequested(properties);
    }

    /** The sweep's points with their indices, one block per experiment ({@code -Dsweep.list}). */
    public String describeSweeps(List<ExperimentDescriptor> experiments) {
        List<List<RunPlan>> all = sweeps(experiments);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < experiments.size(); i++) {
            out.append(SweepIndex.describe(experiments.get(i).name(), all.get(i)));
        }
        return out.toString();
    }

    /** True when {@code -Dstatus} asks where each point of the sweep stands instead of running it. */
    public boolean statusOnly() {
        String v = properties.getProperty("status", "");
        return !v.isBlank() && !v.equalsIgnoreCase("false");
    }

    /** Each point of each selected experiment with its state in the store. */
    public List<List<SweepStatus.Point>> status(List<ExperimentDescriptor> experiments) {
        List<List<RunPlan>> all = sweeps(experiments);
        List<List<SweepStatus.Point>> out = new ArrayList<>();
        for (int i = 0; i < experiments.size(); i++) {
            out.add(statusOf(experiments.get(i), all.get(i)));
        }
        return out;
    }

    /** The state in the store of each of {@code plans}, points of {@code experiment}. */
    private List<SweepStatus.Point> statusOf(ExperimentDescriptor experiment, List<RunPlan> plans) {
        return SweepStatus.of(plans, readStore().runs(experiment.name()), java.time.Instant.now(),
                java.time.Duration.ofSeconds(RunStore.DEFAULT_STALE_SECONDS));
    }

    /** What {@code -Dstatus} prints: {@link SweepStatus#describe} for each selected experiment. */
    public String describeStatus(List<ExperimentDescriptor> experiments) {
        List<List<SweepStatus.Point>> all = status(experiments);
        java.time.Instant now = java.time.Instant.now();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < experiments.size(); i++) {
            out.append(SweepStatus.describe(experiments.get(i).name(), all.get(i), now));
        }
        return out.toString();
    }

    /** Runs the experiment's {@link ValidatedBy} check on every point; the first failure names its point. */
    static void check(ExperimentDescriptor e, List<RunPlan> plans) {
        ValidatedBy by = findValidatedBy(e.type());
        if (by == null) {
            return;
        }
        PlanCheck check;
        try {
            check = by.value().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(by.value().getName() + " needs a public no-argument constructor", ex);
        }
        for (RunPlan plan : plans) {
            try {
                check.check(plan.params());
            } catch (IllegalArgumentException ex) {
                throw new InvalidParameterException(plan.displayName() + ": " + ex.getMessage());
            }
        }
    }

    private static ValidatedBy findValidatedBy(Class<?> type) {
        ValidatedBy direct = type.getAnnotation(ValidatedBy.class);
        if (direct != null) {
            return direct;
        }
        for (java.lang.annotation.Annotation a : type.getAnnotations()) {
            ValidatedBy meta = a.annotationType().getAnnotation(ValidatedBy.class);
            if (meta != null) {
                return meta;
            }
        }
        return null;
    }

    /** The runner, starting store, engine and injector on first call. */
    public synchronized ExperimentRunner runner() {
        if (runner == null) {
            if (readOnlyStore == null) {
                storeService = new StoreService(settings);
                readOnlyStore = storeService.start();
            }
            var store = readOnlyStore;
            EngineService engine = new EngineService(settings);
            provenance = ProvenanceCollector.collect(settings, engine);
            List<Module> modules = new ArrayList<>();
            modules.add(new SessionModule(settings, store, engine));
            ServiceLoader.load(Module.class).forEach(modules::add);
            Injector injector = Guice.createInjector(modules);
            runner = new ExperimentRunner(injector, store, provenance, settings, stop);
            ExperimentRunner started = runner;
            StopOnSignal.install(stop, started::release, this::close);
        }
        return runner;
    }

    /**
     * The store for reading (status, submission): the runner's when it is started, else the store
     * alone, without the engine (a login node need not load libtorch to print a status).
     */
    private synchronized RunStore readStore() {
        if (runner != null) {
            return runner.store();
        }
        if (readOnlyStore == null) {
            storeService = new StoreService(settings);
            readOnlyStore = storeService.start();
        }
        return readOnlyStore;
    }

    /**
     * Runs {@code action} (which may read the store) unless a stop signal (SIGTERM, SIGINT) was received;
     * a signal that comes while it runs waits for it, as for a run in progress, before the store closes.
     *
     * @return false when a stop was requested and {@code action} did not run
     */
    public boolean unlessStopping(Runnable action) {
        if (!stop.tryBegin()) {
            return false;
        }
        try {
            action.run();
            return true;
        } finally {
            stop.settled();
        }
    }

    /** The session's stop signal (tests: to act as the signal handler does). */
    StopSignal stopSignal() {
        return stop;
    }

    /** The store, starting the session's services if needed. */
    public RunStore store() {
        return runner().store();
    }

    /** Provenance of this session, once started. */
    public synchronized Provenance provenance() {
        return provenance;
    }

    /** A session over this JVM's system properties and the classpath's experiments. */
    public static ExperimentSession fromSystemProperties() {
        return new ExperimentSession(Settings.fromSystemProperties(),
                ExperimentRegistry.fromClasspath(Thread.currentThread().getContextClassLoader()), System.getProperties());
    }

    @Override
    public synchronized void close() {
        if (runner != null) {
            runner.shutdown();
        }
        if (storeService != null) {
            storeService.close();
        }
    }
}
