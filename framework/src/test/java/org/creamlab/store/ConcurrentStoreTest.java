package org.creamlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs write to one H2 file at once (AUTO_SERVER); every run and metric must arrive. */
class ConcurrentStoreTest {

    private static final int RUNS = 4;
    private static final int METRICS = 40;

    @TempDir
    Path dir;

    @Test
    void twoProcessesWritingAtOnceLoseNothing() throws Exception {
        List<Process> writers = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Path log = dir.resolve("writer-" + name + ".log");
            writers.add(new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    ConcurrentWriter.class.getName(), dir.toString(), name, Integer.toString(RUNS), Integer.toString(METRICS))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        for (int i = 0; i < writers.size(); i++) {
            Process p = writers.get(i);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a writer did not finish in time");
            Path log = dir.resolve("writer-" + (i == 0 ? "a" : "b") + ".log");
            assertEquals(0, p.exitValue(), () -> "a writer failed:\n" + tail(log));
        }
        try (StoreService service = new StoreService(StoreFixtures.settings(dir))) {
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

    private static String tail(Path log) {
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
