package org.creamlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs write to one store at once (an H2 file shared through AUTO_SERVER, or a PostgreSQL
 * schema); every run and metric must arrive.
 */
class ConcurrentStoreTest {

    private static final int RUNS = 4;
    private static final int METRICS = 40;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void twoProcessesWritingAtOnceLoseNothing(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDatabase db = backend.open(dir)) {
            twoProcessesWritingAtOnceLoseNothing(db);
        }
    }

    private void twoProcessesWritingAtOnceLoseNothing(StoreBackend.TestDatabase db) throws Exception {
        List<Process> writers = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Path log = dir.resolve("writer-" + name + ".log");
            writers.add(start(db, log, name, Integer.toString(RUNS), Integer.toString(METRICS)));
        }
        for (int i = 0; i < writers.size(); i++) {
            Process p = writers.get(i);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a writer did not finish in time");
            Path log = dir.resolve("writer-" + (i == 0 ? "a" : "b") + ".log");
            assertEquals(0, p.exitValue(), () -> "a writer failed:\n" + tail(log));
        }
        try (StoreService service = new StoreService(db.settings())) {
            RunStore store = service.start();
            List<StoredRun> runs = store.runs("concurrent");
            assertEquals(2 * RUNS, runs.size());
            for (StoredRun run : runs) {
                assertEquals(RunStatus.FINISHED, run.status());
                var metrics = store.metrics(run.id());
                assertEquals(METRICS, metrics.size(), "metrics of run " + run.id());
                for (int m = 0; m < METRICS; m++) {
                    assertEquals(m, metrics.get(m).step(), "no gaps, no duplicates, in order");
                }
            }
            assertEquals(RUNS, runs.stream().filter(r -> r.variant().equals("a")).count());
            assertEquals(RUNS, runs.stream().filter(r -> r.variant().equals("b")).count());
        }
    }

    /** Starts {@link ConcurrentWriter} in its own JVM against {@code db}, output to {@code log}. */
    static Process start(StoreBackend.TestDatabase db, Path log, String... args) throws java.io.IOException {
        // a small, quick-starting JVM: the writer only talks to the database
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx256m", "-cp", System.getProperty("java.class.path")));
        command.addAll(db.jvmOptions());
        command.add(ConcurrentWriter.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 12000));
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString() + (File.separatorChar == '\\' ? ".exe" : "");
    }
}
