package org.creamlab.eval;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress with an ETA, reported at most once per interval (not per sample) and once at the end.
 * Single-threaded.
 */
public final class Progress {

    private final String label;
    private final long total;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final Consumer<String> sink;
    private final long start;
    private long done;
    private long lastReport;

    /**
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
     * @param intervalNanos least time between two reports
     * @param sink where lines go, e.g. an SLF4J logger's {@code info}
     */
    public Progress(String label, long total, LongSupplier nanoClock, long intervalNanos, Consumer<String> sink) {
        this.label = label;
        this.total = total;
        this.nanoClock = nanoClock;
        this.intervalNanos = intervalNanos;
        this.sink = sink;
        this.start = nanoClock.getAsLong();
        this.lastReport = start;
    }

    /** Records {@code count} more units done; reports when the interval has passed or all is done. */
    public void advance(long count) {
        done += count;
        long now = nanoClock.getAsLong();
        if (done >= total || now - lastReport >= intervalNanos) {
            lastReport = now;
            sink.accept(line(now));
        }
    }

    String line(long now) {
        double elapsed = (now - start) / 1e9;
        double eta = done == 0 ? Double.NaN : elapsed * (total - done) / done;
        return String.format(Locale.ROOT, "%s: %d/%d (%.0f%%), %.1f s elapsed, ETA %.1f s", label, done, total,
                100.0 * done / total, elapsed, eta);
    }
}
