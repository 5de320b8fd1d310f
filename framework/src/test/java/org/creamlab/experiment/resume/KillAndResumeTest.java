package org.creamlab.experiment.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.creamlab.config.Settings;
import org.creamlab.experiment.cli.RunExperimentsCli;
import org.creamlab.store.RunStatus;
import org.creamlab.store.RunStore;
import org.creamlab.store.StoreService;
import org.creamlab.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.creamlab.metric.Metric;

/**
 * SIGKILL during training, then the same command again: the run resumes from its last checkpoint,
 * keeps every metric stored before the kill exactly once, and ends FINISHED with the same numbers as
 * an uninterrupted run (CPU, same seed, one thread).
 */
class KillAndResumeTest {

    private static final int STEPS = 40;

    @TempDir
    Path uninterruptedRoot;

    @TempDir
    Path killedRoot;

    @Test
    void aKilledRunResumesAndEndsWithTheUninterruptedNumbers() throws Exception {
        assertEquals(0, runToEnd(uninterruptedRoot, "0"), () -> "the uninterrupted run failed:\n" + logs(uninterruptedRoot));
        List<Metric> expected = onlyRun(uninterruptedRoot).metrics;

        Process first = start(killedRoot, "40");
        try (StoreService service = new StoreService(settings(killedRoot))) {
            RunStore store = service.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // wait until a checkpoint exists and some steps after it are stored, then kill -9
            while (!(checkpointWritten(killedRoot) && lossCount(store) >= 12)) {
                assertTrue(first.isAlive(), "the first process ended before it could be killed");
                assertTrue(System.nanoTime() < deadline, "no progress to kill");
                Thread.sleep(50);
            }
        }
        first.destroyForcibly();   // SIGKILL on Linux: no shutdown hooks, no clean close
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        RunOutcome killed = onlyRun(killedRoot);
        assertEquals(RunStatus.RUNNING, killed.run.status(), "a killed run stays RUNNING until resumed");
        int storedBeforeResume = killed.metrics.size();
        assertTrue(storedBeforeResume > 0 && storedBeforeResume < expected.size());

        assertEquals(0, runToEnd(killedRoot, "40"), () -> "the resumed run failed:\n" + logs(killedRoot));
        RunOutcome resumed = onlyRun(killedRoot);
        assertEquals(killed.run.id(), resumed.run.id(), "the same run is continued, not a new one");
        assertEquals(RunStatus.FINISHED, resumed.run.status());
        assertEquals(keys(expected), keys(resumed.metrics), "every metric once: no duplicates, no gaps");
        assertEquals(deterministic(expected), deterministic(resumed.metrics), "bit-identical values (all but wall-clock speed)");
    }

    private static List<String> keys(List<Metric> metrics) {
        return metrics.stream().map(m -> m.name() + "@" + m.step()).toList();
    }

    /** Everything but throughput, which is wall-clock time and differs between any two runs. */
    private static List<Metric> deterministic(List<Metric> metrics) {
        return metrics.stream().filter(m -> !m.name().equals("train/tokens_per_s")).toList();
    }

    private record RunOutcome(StoredRun run, List<Metric> metrics) {}

    private static RunOutcome onlyRun(Path root) {
        try (StoreService service = new StoreService(settings(root))) {
            RunStore store = service.start();
            List<StoredRun> runs = store.runs("resume-fixture");
            assertEquals(1, runs.size(), "runs in " + root);
            // order by (name, step): the resumed process appends, so storage order is not step order
            List<Metric> metrics = store.metrics(runs.get(0).id()).stream()
                    .sorted(java.util.Comparator.comparing(Metric::name).thenComparing(Metric::step)).toList();
            return new RunOutcome(runs.get(0), metrics);
        }
    }

    private static String logs(Path root) {
        try (var s = Files.list(root)) {
            StringBuilder out = new StringBuilder();
            for (Path log : s.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList()) {
                String text = Files.readString(log);
                out.append("== ").append(log.getFileName()).append('\n').append(text, Math.max(0, text.length() - 6000), text.length());
            }
            return out.toString();
        } catch (java.io.IOException e) {
            return "(no logs: " + e + ")";
        }
    }

    private static int lossCount(RunStore store) {
        return store.runs("resume-fixture").stream().mapToInt(r -> (int) store.metrics(r.id()).stream()
                .filter(m -> m.name().equals("train/loss")).count()).sum();
    }

    private static boolean checkpointWritten(Path root) throws Exception {
        Path runs = root.resolve("target/runs/resume-fixture");
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (var s = Files.walk(runs)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("step-"));
        } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException fileVanished) {
            return false;  // a temporary checkpoint file was renamed while we looked; look again
        }
    }

    private static int runToEnd(Path root, String pauseMs) throws Exception {
        Process p = start(root, pauseMs);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "run did not end");
        return p.exitValue();
    }

    private static Process start(Path root, String pauseMs) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dcreamlab.root=" + root, "-Ddb.url=" + settings(root).dbUrl(),
                "-Dexperiment=resume-fixture", "-Dp.steps=" + STEPS, "-Dfixture.pauseMs=" + pauseMs,
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                RunExperimentsCli.class.getName())
                .redirectErrorStream(true).redirectOutput(root.resolve("run-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    private static Settings settings(Path root) {
        Properties p = new Properties();
        p.setProperty("creamlab.root", root.toString());
        p.setProperty("db.url", Settings.defaultDbUrl(root));
        return Settings.from(p);
    }
}
