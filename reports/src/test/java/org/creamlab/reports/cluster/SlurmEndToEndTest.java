package org.creamlab.reports.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.creamlab.metric.Metric;
import org.creamlab.store.RunStatus;
import org.creamlab.store.RunStore;
import org.creamlab.store.StoreService;
import org.creamlab.store.StoredRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps on a real single-node Slurm cluster with a shared PostgreSQL store ({@code .ci/slurm},
 * {@code .ci/postgres}; {@code .ci/run} starts both and sets CREAMLAB_TEST_REQUIRE_SERVICES, so CI
 * never skips these): submission of an array and its report job, a cancelled task resumed by the
 * same submission, and two tasks that need the same uncached base.
 */
class SlurmEndToEndTest {

    private static final Path ROOT = Path.of(System.getProperty("creamlab.root", "..")).toAbsolutePath().normalize();
    private static final String PARTITION = System.getenv().getOrDefault(SlurmCluster.PARTITION, "debug");

    @TempDir
    Path scratch;

    @BeforeAll
    static void clusterIsUp() {
        boolean required = System.getenv("CREAMLAB_TEST_REQUIRE_SERVICES") != null;
        if (required && !SlurmCluster.available()) {
            throw new AssertionError("CREAMLAB_TEST_REQUIRE_SERVICES is set but .ci/slurm or .ci/postgres did not start");
        }
        assumeTrue(SlurmCluster.available(), "no Slurm cluster and PostgreSQL server (bash .ci/run starts them)");
    }

    private static List<String> submit(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-Dsubmit=slurm", "-Dslurm.partition=" + PARTITION, "-Dslurm.cpus=1", "-Dslurm.mem=1G",
                "-Dslurm.time=00:15:00"));
        return all;
    }

    @Test
    void fourPointsFinishInTheSharedStoreAndTheReportJobRunsAfterThem() throws Exception {
        try (SlurmCluster cluster = new SlurmCluster(ROOT, scratch, "slurm_four")) {
            SlurmCluster.Output submitted = cluster.creamlab(submit("-Dexperiment=smoke", "-Dseeds=1,2,3,4"));
            assertEquals(0, submitted.status(), submitted.text());
            long[] jobs = SlurmCluster.jobs(submitted);
            cluster.await(Duration.ofMinutes(5), jobs);

            List<StoredRun> runs = runs(cluster, "smoke");
            assertEquals(List.of(1L, 2L, 3L, 4L), runs.stream().map(StoredRun::seed).sorted().toList());
            assertTrue(runs.stream().allMatch(r -> r.status() == RunStatus.FINISHED), runs.toString());
            assertTrue(runs.stream().allMatch(r -> r.ownerTask() != null && r.ownerTask().startsWith("slurm " + jobs[0] + "_")),
                    "each run names its array task: " + runs.stream().map(StoredRun::ownerTask).toList());
            String report = SlurmCluster.read(cluster.reportLog("smoke", jobs[1]));
            assertTrue(report.contains("report: 1 experiment summaries, 4 run(s) from the store"),
                    "the report job ran after the four tasks and saw them all:\n" + report);

            SlurmCluster.Output again = cluster.creamlab(submit("-Dexperiment=smoke", "-Dseeds=1,2,3,4"));
            assertEquals(0, again.status(), again.text());
            assertTrue(again.text().contains("every point is finished, running or queued; nothing to submit"), again.text());
        }
    }

    @Test
    void aCancelledTaskResumesFromItsCheckpointWhenTheSameCommandIsSubmittedAgain() throws Exception {
        String[] sweep = {"-Dexperiment=smoke", "-Dseeds=1,2,3,4", "-Dp.steps=1500"};
        try (SlurmCluster cluster = new SlurmCluster(ROOT, scratch, "slurm_cancel")) {
            SlurmCluster.Output submitted = cluster.creamlab(submit(sweep));
            assertEquals(0, submitted.status(), submitted.text());
            long[] jobs = SlurmCluster.jobs(submitted);
            // cancel point 3 (seed 4) once it has trained a while
            long victim = awaitTrainingOf(cluster, 4, 300, Duration.ofMinutes(4));
            SlurmCluster.Output cancel = SlurmCluster.exec(List.of("scancel", jobs[0] + "_3"), Duration.ofSeconds(30));
            assertEquals(0, cancel.status(), cancel.text());
            cluster.await(Duration.ofMinutes(5), jobs);
            StoredRun stopped = run(cluster, victim);
            assertEquals(RunStatus.RUNNING, stopped.status(), "a cancelled run is not failed: it is left to resume");
            String stoppedLog = SlurmCluster.read(cluster.taskLog("smoke", jobs[0], 3));
            assertTrue(stoppedLog.contains("stopped on request after"), "SIGTERM checkpointed and released it:\n" + stoppedLog);

            SlurmCluster.Output again = cluster.creamlab(submit(sweep));
            assertEquals(0, again.status(), again.text());
            for (int k = 0; k < 3; k++) {
                assertTrue(again.text().contains("skipped point " + k + " (finished"), again.text());
            }
            assertTrue(again.text().contains("submitted 1 of 4 points"), again.text());
            long[] second = SlurmCluster.jobs(again);
            cluster.await(Duration.ofMinutes(5), second);

            List<StoredRun> runs = runs(cluster, "smoke");
            assertEquals(4, runs.size(), "no new run: the cancelled one was resumed " + runs);
            assertTrue(runs.stream().allMatch(r -> r.status() == RunStatus.FINISHED), runs.toString());
            String resumedLog = SlurmCluster.read(cluster.taskLog("smoke", second[0], 3));
            assertTrue(resumedLog.contains("run " + victim + " resumed"), resumedLog);
            List<Metric> metrics = metrics(cluster, victim);
            assertEquals(metrics.size(), metrics.stream().map(m -> m.name() + "|" + m.step() + "|" + m.dimensions()).distinct().count(),
                    "every metric stored exactly once");

            // the same point run uninterrupted, in a store of its own
            Path reference = scratch.resolve("reference");
            SlurmCluster.Output plain = SlurmCluster.exec(List.of(ROOT.resolve("bin/creamlab").toString(), "run",
                    "-Dexperiment=smoke", "-Dseeds=1,2,3,4", "-Dp.steps=1500", "-Dsweep.index=3", "-Dthreads=1",
                    "-Ddb.url=jdbc:h2:file:" + reference.resolve("db"), "-Druns.dir=" + reference.resolve("runs")), Duration.ofMinutes(5));
            assertEquals(0, plain.status(), plain.text());
            Map<String, Double> expected = finalNumbers(metricsOfH2(reference));
            assertEquals(expected, finalNumbers(metrics), "the resumed run ends with the uninterrupted run's numbers");
        }
    }

    @Test
    void twoTasksThatNeedTheSameUncachedBaseTrainItOnce() throws Exception {
        // a tiny base (it misses the in-window bar, which is recorded once and read by the other task)
        String[] sweep = {"-Dexperiment=cream-vs-pose", "-Dseeds=1", "-Dp.baseSeed=77", "-Dp.method=cream,pose",
                "-Dp.hidden=16", "-Dp.heads=1", "-Dp.layers=1", "-Dp.pretrainSteps=60", "-Dp.pretrainBatch=4",
                "-Dp.steps=2", "-Dp.evalSamples=1", "-Dp.gridSamples=1", "-Dp.curvePoints=1"};
        try (SlurmCluster cluster = new SlurmCluster(ROOT, scratch, "slurm_base")) {
            SlurmCluster.Output submitted = cluster.creamlab(submit(sweep));
            assertEquals(0, submitted.status(), submitted.text());
            long[] jobs = SlurmCluster.jobs(submitted);
            cluster.await(Duration.ofMinutes(8), jobs);
            String first = SlurmCluster.read(cluster.taskLog("cream-vs-pose", jobs[0], 0));
            String second = SlurmCluster.read(cluster.taskLog("cream-vs-pose", jobs[0], 1));
            String both = first + second;
            assertEquals(1, count(both, "pre-training it now"), "one task trains the base:\n" + both);
            assertEquals(1, count(both, "training from step 0 to 60"), "the base is trained once:\n" + both);
            assertTrue(first.contains("is below the in-window bar") && second.contains("is below the in-window bar"),
                    "both tasks end with the base's one outcome:\n" + both);
            assertEquals(1, (first.contains("recorded by an earlier run") ? 1 : 0) + (second.contains("recorded by an earlier run") ? 1 : 0),
                    "the task that did not train it read the outcome the other recorded (after waiting for the lock, if they overlapped):\n" + both);
        }
    }

    /** Waits until the run of {@code seed} has stored its loss at step {@code step}; returns its id. */
    private static long awaitTrainingOf(SlurmCluster cluster, long seed, long step, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            for (StoredRun r : runs(cluster, "smoke")) {
                if (r.seed() == seed && metrics(cluster, r.id()).stream()
                        .anyMatch(m -> m.name().equals("train/loss") && m.step() != null && m.step() >= step)) {
                    return r.id();
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the run of seed " + seed + " did not reach step " + step);
    }

    private static List<StoredRun> runs(SlurmCluster cluster, String experiment) {
        try (StoreService s = new StoreService(cluster.settings())) {
            return s.start().runs(experiment);
        }
    }

    private static StoredRun run(SlurmCluster cluster, long id) {
        try (StoreService s = new StoreService(cluster.settings())) {
            return s.start().run(id);
        }
    }

    private static List<Metric> metrics(SlurmCluster cluster, long id) {
        try (StoreService s = new StoreService(cluster.settings())) {
            return s.start().metrics(id);
        }
    }

    private static List<Metric> metricsOfH2(Path reference) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("creamlab.root", ROOT.toString());
        p.setProperty("db.url", "jdbc:h2:file:" + reference.resolve("db"));
        try (StoreService s = new StoreService(org.creamlab.config.Settings.from(p))) {
            RunStore store = s.start();
            return store.metrics(store.runs("smoke").get(0).id());
        }
    }

    /** The loss at every step and the evaluation: what must not depend on the interruption. */
    private static Map<String, Double> finalNumbers(List<Metric> metrics) {
        return metrics.stream().filter(m -> m.name().equals("train/loss") || m.name().startsWith("eval/"))
                .collect(Collectors.toMap(m -> m.name() + "@" + m.step(), Metric::value, (a, b) -> a, TreeMap::new));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
