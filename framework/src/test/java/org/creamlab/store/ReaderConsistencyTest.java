package org.creamlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creamlab.metric.Metric;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader (what report generation does: {@link RunStore#runs} then {@link RunStore#metrics}) reads
 * over and over while another process commits metrics in batches of K ({@link RunStore#logMetrics},
 * one transaction each) and then finishes the run. Every read must see whole transactions: a metric
 * count that is a multiple of K, steps 0..n-1 with no gap, and a FINISHED run always with all its
 * metrics.
 */
class ReaderConsistencyTest {

    private static final int RUNS = 2;
    private static final int METRICS = 60;
    private static final int BATCH = 6;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aReaderDuringWritesSeesOnlyWholeTransactions(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDatabase db = backend.open(dir);
             StoreService service = new StoreService(db.settings())) {
            RunStore store = service.start();   // the schema exists before the writer starts
            Path log = dir.resolve("writer.log");
            Process writer = ConcurrentStoreTest.start(db, log, "w", Integer.toString(RUNS), Integer.toString(METRICS),
                    Integer.toString(BATCH), "5");
            int reads = 0;
            int partial = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            boolean writing = true;
            while (writing) {
                writing = writer.isAlive();   // one more full read after the writer ended
                assertTrue(System.nanoTime() < deadline, "the writer did not finish in time");
                Thread.sleep(2);   // leave the writer some CPU
                for (StoredRun run : store.runs("consistency")) {
                    List<Metric> metrics = store.metrics(run.id());
                    reads++;
                    String where = "read " + reads + " of run " + run.id() + " (" + run.status() + ")";
                    assertEquals(0, metrics.size() % BATCH, where + ": " + metrics.size() + " metrics, not whole batches of " + BATCH);
                    List<Long> steps = new ArrayList<>();
                    for (int i = 0; i < metrics.size(); i++) {
                        steps.add((long) i);
                    }
                    assertEquals(steps, metrics.stream().map(Metric::step).toList(), where + ": a gap or a duplicate");
                    if (run.status() == RunStatus.FINISHED) {
                        assertEquals(METRICS, metrics.size(), where + ": FINISHED without all its metrics");
                    } else if (!metrics.isEmpty() && metrics.size() < METRICS) {
                        partial++;
                    }
                }
            }
            assertEquals(0, writer.exitValue(), () -> "the writer failed:\n" + ConcurrentStoreTest.tail(log));
            assertTrue(partial > 0, "the reader never caught a run part-way (" + reads + " reads): the test proved nothing");
            List<StoredRun> runs = store.runs("consistency");
            assertEquals(RUNS, runs.size());
            for (StoredRun run : runs) {
                assertEquals(RunStatus.FINISHED, run.status());
                assertEquals(METRICS, store.metrics(run.id()).size());
            }
        }
    }
}
