package org.creamlab.experiment;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT (Slurm's preemption and {@code scancel}, a Ctrl-C) stop the run in progress at
 * its next safe point instead of killing it: the first signal requests the {@link StopSignal}, waits
 * for the runner to checkpoint and release the run (at most the grace), closes the session (the store
 * writes what it holds) and exits with 143.
 *
 * <p>A second signal during that wait (a second Ctrl-C, or {@code scancel} sent twice) cuts the wait
 * short: the run in progress is released at once, as if the grace had run out, so it resumes from
 * its last periodic checkpoint, and the session closes and exits with 143 as well. Later signals are
 * ignored.
 *
 * <p>A signal handler rather than a shutdown hook: while hooks run, the JVM has begun to shut down
 * and H2 closes its database from its own hook, so the run could not be released in the store.
 * Uses {@code sun.misc.Signal} (module jdk.unsupported); where it is missing, the JVM's default
 * handling stays and a killed run is resumed from its last periodic checkpoint.
 */
final class StopOnSignal {

    private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);

    /**
     * How long a signal waits for the run in progress to reach a checkpoint and be released (Slurm
     * sends SIGKILL 30 s after SIGTERM by default: KillWait).
     */
    static final Duration GRACE = Duration.ofSeconds(25);
    /** The exit status after a stop: 128 + 15, as a shell reports a process SIGTERM ended. */
    static final int EXIT_STATUS = 143;

    private final StopSignal stop;
    private final LongConsumer release;
    private final Runnable close;
    private final IntConsumer exit;
    private final Duration grace;
    private final AtomicReference<Thread> stopping = new AtomicReference<>();

    /**
     * @param release gets the id of the run still in progress when the wait ends early or runs out
     * @param close runs before the exit
     * @param exit ends the process with the status it is given ({@code System::exit} in a session)
     * @param grace the longest wait for the run in progress to settle after the first signal
     */
    StopOnSignal(StopSignal stop, LongConsumer release, Runnable close, IntConsumer exit, Duration grace) {
        this.stop = stop;
        this.release = release;
        this.close = close;
        this.exit = exit;
        this.grace = grace;
    }

    /**
     * Installs the handler for TERM and INT with the default grace; {@code release} gets the run still
     * in progress when the grace ran out or a second signal came, {@code close} runs before the exit.
     */
    static void install(StopSignal stop, LongConsumer release, Runnable close) {
        StopOnSignal handler = new StopOnSignal(stop, release, close, System::exit, GRACE);
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> handler.onSignal("SIG" + name));
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                LOG.warn("SIG{} keeps the JVM's default handling ({}): a stopped run resumes from its last periodic checkpoint",
                        name, e.toString());
            }
        }
    }

    /**
     * One signal: the first starts the stop on a thread of its own and returns; the second ends
     * that thread's wait; later ones do nothing.
     *
     * @return the thread that carries out the stop
     */
    Thread onSignal(String signal) {
        Thread fresh = new Thread(() -> stop(signal), "creamlab-stop");
        fresh.setDaemon(false);
        if (stopping.compareAndSet(null, fresh)) {
            fresh.start();
            return fresh;
        }
        if (stop.abandonWait()) {
            LOG.warn("{} again: not waiting for a checkpoint any more; the run in progress resumes from its last one", signal);
        }
        return stopping.get();
    }

    private void stop(String signal) {
        LOG.warn("{}: stopping the run in progress at its next checkpoint (at most {} s; a second signal stops at once)",
                signal, grace.toMillis() / 1000.0);
        stop.request();
        boolean settled = false;
        try {
            settled = stop.awaitSettled(grace);
            if (!settled && !stop.waitAbandoned()) {
                LOG.warn("the run in progress did not reach a safe point within {} s", grace.toMillis() / 1000.0);
            }
        } catch (InterruptedException e) {
            LOG.warn("the wait for the run in progress was interrupted");   // release and close all the same
        }
        try {
            if (!settled) {
                long run = stop.currentRun();
                LOG.warn("{}: released, it resumes from its last checkpoint", run < 0 ? "no run stored yet" : "run " + run);
                if (run >= 0) {
                    release.accept(run);
                }
            }
            close.run();
        } finally {
            exit.accept(EXIT_STATUS);
        }
    }
}
