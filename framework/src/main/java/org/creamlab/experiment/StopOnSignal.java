package org.creamlab.experiment;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT (Slurm's preemption and {@code scancel}, a Ctrl-C) stop the run in progress at
 * its next safe point instead of killing it: the handler requests the {@link StopSignal}, waits for
 * the runner to checkpoint and release the run (at most {@link #GRACE}), closes the session (the
 * store writes what it holds) and exits with 143.
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

    private StopOnSignal() {}

    /**
     * Installs the handler for TERM and INT; {@code release} gets the run still in progress when the
     * grace ran out, {@code close} runs before the exit.
     */
    static void install(StopSignal stop, java.util.function.LongConsumer release, Runnable close) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    if (stop.requested()) {
                        return;   // a second signal: the first one's wait is under way
                    }
                    Thread t = new Thread(() -> stop(stop, release, close, "SIG" + name), "creamlab-stop");
                    t.setDaemon(false);
                    t.start();
                });
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                LOG.warn("SIG{} keeps the JVM's default handling ({}): a stopped run resumes from its last periodic checkpoint",
                        name, e.toString());
            }
        }
    }

    private static void stop(StopSignal stop, java.util.function.LongConsumer release, Runnable close, String signal) {
        LOG.warn("{}: stopping the run in progress at its next checkpoint (at most {} s)", signal, GRACE.toSeconds());
        stop.request();
        try {
            if (!stop.awaitSettled(GRACE)) {
                long run = stop.currentRun();
                LOG.warn("the run in progress ({}) did not reach a safe point within {} s; released, it resumes from its last"
                        + " checkpoint", run < 0 ? "not stored yet" : "run " + run, GRACE.toSeconds());
                if (run >= 0) {
                    release.accept(run);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            close.run();
        } finally {
            System.exit(EXIT_STATUS);
        }
    }
}
