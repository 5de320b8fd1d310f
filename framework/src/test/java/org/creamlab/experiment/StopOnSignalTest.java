package org.creamlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The stop on SIGTERM/SIGINT without real signals: {@link StopOnSignal#onSignal} is what the handler
 * calls, and the exit is recorded instead of ending the test JVM.
 */
class StopOnSignalTest {

    private static final long RUN = 7;

    private final List<Long> released = new CopyOnWriteArrayList<>();
    private final AtomicInteger closed = new AtomicInteger();
    private final List<Integer> exits = new CopyOnWriteArrayList<>();

    private StopOnSignal handler(StopSignal stop, Duration grace) {
        return new StopOnSignal(stop, released::add, closed::incrementAndGet, exits::add, grace);
    }

    /** The handler released exactly {@code runs}, closed the session once and exited once with 143. */
    private void assertReleasedClosedAndExitedOnce(List<Long> runs) {
        assertEquals(runs, released, "runs released");
        assertEquals(1, closed.get(), "session closes");
        assertEquals(List.of(StopOnSignal.EXIT_STATUS), exits, "exits");
    }

    private static StopSignal runInProgress() {
        StopSignal stop = StopSignal.create();
        assertTrue(stop.tryBegin());
        stop.running(RUN);
        return stop;
    }

    @Test
    void aRunThatSettlesIsNotReleasedByTheHandler() throws Exception {
        StopSignal stop = runInProgress();
        Thread stopping = handler(stop, Duration.ofSeconds(60)).onSignal("SIGTERM");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!stop.requested() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(stop.requested(), "the first signal requests the stop");
        stop.settled();   // the runner checkpointed and released the run itself
        stopping.join(10_000);

        assertReleasedClosedAndExitedOnce(List.of());
    }

    @Test
    void aSecondSignalReleasesTheRunWithoutWaitingForTheGrace() throws Exception {
        StopSignal stop = runInProgress();   // never settles: a step that takes longer than anyone waits
        StopOnSignal handler = handler(stop, Duration.ofSeconds(600));
        Thread stopping = handler.onSignal("SIGINT");
        long start = System.nanoTime();
        assertSame(stopping, handler.onSignal("SIGINT"));
        stopping.join(30_000);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertTrue(seconds < 30, "stopped " + seconds + " s after the second signal; the grace was 600 s");
        assertReleasedClosedAndExitedOnce(List.of(RUN));
    }

    @Test
    void withoutASecondSignalTheRunIsReleasedWhenTheGraceRunsOut() throws Exception {
        StopSignal stop = runInProgress();
        Thread stopping = handler(stop, Duration.ofMillis(200)).onSignal("SIGTERM");
        stopping.join(30_000);

        assertReleasedClosedAndExitedOnce(List.of(RUN));
    }

    @Test
    void laterSignalsChangeNothing() throws Exception {
        StopSignal stop = runInProgress();
        StopOnSignal handler = handler(stop, Duration.ofSeconds(600));
        Thread stopping = handler.onSignal("SIGTERM");
        handler.onSignal("SIGTERM");
        handler.onSignal("SIGINT");
        stopping.join(30_000);
        assertSame(stopping, handler.onSignal("SIGTERM"));

        assertReleasedClosedAndExitedOnce(List.of(RUN));
    }
}
