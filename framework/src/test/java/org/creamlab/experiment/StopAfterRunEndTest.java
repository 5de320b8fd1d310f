package org.creamlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.creamlab.config.Settings;
import org.creamlab.metric.Metric;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop signal that comes while a run without safe points (an evaluation) is in progress: the run
 * finishes, and what is done with it after its end ({@code onEnded}: the JUnit path reads its metrics
 * for the report) happens before the signal handler may close the store, never after.
 */
class StopAfterRunEndTest {

    /** Logs one metric, after waiting for the test to request a stop: no safe point, like an evaluation. */
    @Experiment(name = "no-safe-point", description = "one metric, no checkpoint (test fixture)")
    @Seeds(1)
    public static final class NoSafePoint implements ExperimentBody {
        static CountDownLatch started;
        static CountDownLatch stopRequested;

        @Override
        public void run(RunContext context) throws Exception {
            started.countDown();
            assertTrue(stopRequested.await(30, TimeUnit.SECONDS));
            context.metrics().log("eval/score", 0, 0.75);
        }
    }

    @TempDir
    Path root;

    @BeforeEach
    void freshLatches() {
        NoSafePoint.started = new CountDownLatch(1);
        NoSafePoint.stopRequested = new CountDownLatch(1);
    }

    @Test
    void theRunsMetricsAreReadBeforeTheStopClosesTheStore() throws Exception {
        Properties p = new Properties();
        p.setProperty("creamlab.root", root.toString());
        p.setProperty("db.url", Settings.defaultDbUrl(root));
        ExperimentDescriptor fixture = ExperimentDescriptor.of(NoSafePoint.class);
        ExperimentSession session = new ExperimentSession(Settings.from(p), new ExperimentRegistry(List.of(fixture)),
                new Properties());
        RunPlan plan = session.plans(List.of(fixture)).get(0).get(0);
        ExperimentRunner runner = session.runner();

        // the signal handler's part: request, wait for the run in progress to settle, close the store
        StopSignal stop = session.stopSignal();
        AtomicReference<Boolean> settledInTime = new AtomicReference<>();
        Thread handler = new Thread(() -> {
            try {
                assertTrue(NoSafePoint.started.await(30, TimeUnit.SECONDS));
                stop.request();
                NoSafePoint.stopRequested.countDown();
                settledInTime.set(stop.awaitSettled(Duration.ofSeconds(30)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                session.close();
            }
        });
        handler.start();

        AtomicReference<List<Metric>> read = new AtomicReference<>();
        AtomicReference<Boolean> settledDuringOnEnded = new AtomicReference<>();
        runner.run(plan, id -> { }, id -> {
            try {
                settledDuringOnEnded.set(stop.awaitSettled(Duration.ZERO));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sleep(300);   // the handler, were it not held back, would close the store meanwhile
            read.set(runner.store().metrics(id));
        });
        handler.join(60_000);

        assertEquals(Boolean.FALSE, settledDuringOnEnded.get(), "the run still counts as in progress during onEnded");
        assertEquals(Boolean.TRUE, settledInTime.get(), "the handler saw the run settle");
        assertNotNull(read.get(), "onEnded read the run's metrics (a closed store fails the read)");
        assertFalse(read.get().isEmpty(), "onEnded read the run's metrics from an open store");
        assertEquals(0.75, read.get().get(0).value(), 1e-12);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
