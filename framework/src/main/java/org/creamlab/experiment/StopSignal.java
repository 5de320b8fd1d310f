package org.creamlab.experiment;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A request to stop the run in progress at its next safe point, and the wait for it: SIGTERM (a
 * Slurm preemption, {@code scancel}, a Ctrl-C) sets it from a shutdown hook; a trainer checks it
 * after each step, writes a checkpoint and throws {@link RunStoppedException}; the runner then
 * releases the run in the store (resumable at once) and says the run is settled, and the hook
 * returns so the JVM exits.
 *
 * <p>One per session; {@link #never()} for code that runs outside one.
 */
public final class StopSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean requested;
    private boolean busy;
    private boolean abandoned;
    private volatile long currentRun = -1;
    private final boolean enabled;

    private StopSignal(boolean enabled) {
        this.enabled = enabled;
    }

    /** A signal that can be requested. */
    public static StopSignal create() {
        return new StopSignal(true);
    }

    /** A signal that is never requested (training outside a session, tests). */
    public static StopSignal never() {
        return new StopSignal(false);
    }

    /** Whether a stop was requested: checked by long work at its safe points. */
    public boolean requested() {
        return requested;
    }

    /** Asks the run in progress to stop at its next safe point. */
    public void request() {
        if (enabled) {
            requested = true;
        }
    }

    /**
     * The runner, before it touches the store for a run: marks a run in progress unless a stop was
     * requested, atomically (a request that comes after this waits for the run).
     *
     * @return false when a stop was requested: start nothing
     */
    public boolean tryBegin() {
        lock.lock();
        try {
            if (requested) {
                return false;
            }
            busy = true;
            currentRun = -1;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The runner: the run in progress has this id in the store. */
    public void running(long runId) {
        currentRun = runId;
    }

    /** The id of the run in progress, or -1 (none, or not stored yet). */
    public long currentRun() {
        return currentRun;
    }

    /** The runner: no run is in progress any more (finished, failed, or stopped and released). */
    public void settled() {
        set(false);
        currentRun = -1;
    }

    private void set(boolean value) {
        lock.lock();
        try {
            busy = value;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until no run is in progress, at most {@code limit}, or until {@link #abandonWait()}.
     *
     * @return true when settled in time; false when the limit ran out or the wait was abandoned first
     */
    public boolean awaitSettled(Duration limit) throws InterruptedException {
        long left = limit.toNanos();
        lock.lock();
        try {
            while (busy && !abandoned) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return !busy;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends every wait in {@link #awaitSettled} now, as if its limit had run out, and every later one at
     * once (a second signal: the process stops without waiting for a checkpoint).
     *
     * @return true for the call that abandoned the wait, false when it was abandoned already
     */
    public boolean abandonWait() {
        lock.lock();
        try {
            boolean first = !abandoned;
            abandoned = true;
            changed.signalAll();
            return first;
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #abandonWait()} was called. */
    public boolean waitAbandoned() {
        lock.lock();
        try {
            return abandoned;
        } finally {
            lock.unlock();
        }
    }
}
