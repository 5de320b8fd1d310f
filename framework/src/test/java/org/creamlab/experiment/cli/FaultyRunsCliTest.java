package org.creamlab.experiment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.creamlab.config.Settings;
import org.creamlab.model.ModelCheckpoint;
import org.creamlab.store.RunStatus;
import org.creamlab.store.RunStore;
import org.creamlab.store.StoreService;
import org.creamlab.store.StoredRun;
import org.creamlab.train.TrainingCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.creamlab.metric.Metric;

/**
 * Runs that go wrong, through the command-line runner ({@link RunExperimentsCli}, in this JVM):
 * bad input is refused before anything is stored; a NaN loss stores the run FAILED/diverged naming
 * the step and keeps the last good checkpoint; a damaged checkpoint found on resume stores the run
 * FAILED naming the file, never FINISHED.
 */
class FaultyRunsCliTest {

    private static final String EXPERIMENT = "fault-fixture";

    @TempDir
    Path root;

    private String err = "";

    /** Runs the CLI with {@code -Dcreamlab.root}, the default H2 store under it, and the given properties. */
    private int cli(String... properties) {
        Map<String, String> set = new HashMap<>();
        set.put("creamlab.root", root.toString());
        set.put("db.url", settings().dbUrl());
        set.put("experiment", EXPERIMENT);
        for (String p : properties) {
            set.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
        }
        Map<String, String> saved = new HashMap<>();
        set.keySet().forEach(k -> saved.put(k, System.getProperty(k)));
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            set.forEach(System::setProperty);
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            return RunExperimentsCli.run();
        } finally {
            System.setErr(originalErr);
            err = captured.toString(StandardCharsets.UTF_8);
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    private Settings settings() {
        Properties p = new Properties();
        p.setProperty("creamlab.root", root.toString());
        p.setProperty("db.url", Settings.defaultDbUrl(root));
        return Settings.from(p);
    }

    private record Stored(List<StoredRun> runs, List<Metric> metrics) {}

    private Stored stored() {
        try (StoreService service = new StoreService(settings())) {
            RunStore store = service.start();
            List<StoredRun> runs = store.runs(EXPERIMENT);
            return new Stored(runs, runs.isEmpty() ? List.of() : store.metrics(runs.get(runs.size() - 1).id()));
        }
    }

    private Path checkpoints(long runId) {
        return settings().runsDirectory().resolve(EXPERIMENT).resolve(Long.toString(runId)).resolve("checkpoints");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsStored() {
        assertEquals(2, cli("experiment=no-such-experiment"));
        assertTrue(err.contains("unknown experiment 'no-such-experiment'") && err.contains(EXPERIMENT), err);
        assertEquals(2, cli("p.nanAt=-5"));
        assertTrue(err.contains("'nanAt'") && err.contains("out of range"), err);
        assertEquals(2, cli("p.nanAt=soon"));
        assertTrue(err.contains("'nanAt'") && err.contains("'soon'"), err);
        assertEquals(2, cli("p.learningRate=1"));
        assertTrue(err.contains("no parameter 'learningRate'") && err.contains("nanAt"), err);
        assertFalse(Files.exists(root.resolve("db")), "no store was even opened");
    }

    @Test
    void aNanLossStoresTheRunFailedAsDivergedAndKeepsTheLastGoodCheckpoint() throws IOException {
        assertEquals(1, cli("p.nanAt=7"));
        Stored s = stored();
        assertEquals(1, s.runs().size());
        StoredRun run = s.runs().get(0);
        assertEquals(RunStatus.FAILED, run.status());
        assertEquals("diverged", run.failureCategory());
        assertTrue(run.failureMessage().contains("diverged at step 7") && run.failureMessage().contains("NaN"),
                run.failureMessage());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), s.metrics().stream()
                .filter(m -> m.name().equals("train/loss")).map(Metric::step).toList(), "losses up to the last good step");
        Path last = TrainingCheckpoint.latest(checkpoints(run.id())).orElseThrow();
        assertEquals("step-00000006", last.getFileName().toString());
        TrainingCheckpoint.verify(last);
        try (NDManager m = NDManager.newBaseManager()) {
            var loaded = ModelCheckpoint.load(m, last);
            for (float[] values : loaded.weights().toHost().values()) {
                for (float v : values) {
                    assertTrue(Float.isFinite(v), "the kept checkpoint holds finite weights");
                }
            }
            loaded.weights().close();
        }
    }

    @Test
    void aDamagedCheckpointFoundOnResumeFailsTheRunNamingTheFile() throws Exception {
        assertEquals(0, cli(), () -> "the first run failed: " + err);
        Stored before = stored();
        StoredRun run = before.runs().get(0);
        assertEquals(RunStatus.FINISHED, run.status());
        // as if its process had been killed after its last checkpoint: RUNNING, owned by a dead process
        try (Connection c = DriverManager.getConnection(settings().dbUrl(), "sa", "");
             PreparedStatement u = c.prepareStatement(
                     "update run set status = 'RUNNING', ended_at = null, owner_pid = ? where id = ?")) {
            u.setLong(1, Integer.MAX_VALUE);   // above any Linux pid_max: no such process
            u.setLong(2, run.id());
            assertEquals(1, u.executeUpdate());
        }
        Path latest = TrainingCheckpoint.latest(checkpoints(run.id())).orElseThrow();
        Path weights = latest.resolve(ModelCheckpoint.WEIGHTS_FILE);
        try (FileChannel f = FileChannel.open(weights, StandardOpenOption.WRITE)) {
            f.truncate(f.size() / 2);
        }

        assertEquals(1, cli(), "the resumed run fails");
        Stored after = stored();
        assertEquals(1, after.runs().size(), "the same run was resumed, no new one");
        StoredRun resumed = after.runs().get(0);
        assertEquals(run.id(), resumed.id());
        assertEquals(RunStatus.FAILED, resumed.status(), "never FINISHED on a damaged checkpoint");
        assertEquals("error", resumed.failureCategory());
        assertTrue(resumed.failureMessage().contains(weights.toString()) && resumed.failureMessage().contains("damaged"),
                resumed.failureMessage());
        assertEquals(before.metrics(), after.metrics(), "nothing stored twice, nothing lost");
    }

    @Test
    void skipFinishedRunsOnlyThePointsTheStoreLacks() {
        assertEquals(0, cli("seeds=1"), () -> "the first run failed: " + err);
        assertEquals(0, cli("seeds=1,2", "skip.finished=true"), () -> "the second command failed: " + err);
        List<StoredRun> runs = stored().runs();
        assertEquals(List.of(1L, 2L), runs.stream().map(StoredRun::seed).toList(), "seed 1 was not run again");
        assertTrue(runs.stream().allMatch(r -> r.status() == RunStatus.FINISHED));

        assertEquals(0, cli("seeds=1,2", "skip.finished=true"), () -> "the third command failed: " + err);
        assertEquals(2, stored().runs().size(), "nothing left to run");
        assertEquals(0, cli("seeds=2"), () -> "the rerun failed: " + err);
        assertEquals(List.of(1L, 2L, 2L), stored().runs().stream().map(StoredRun::seed).toList(),
                "without the setting a finished point runs again");
    }
}
