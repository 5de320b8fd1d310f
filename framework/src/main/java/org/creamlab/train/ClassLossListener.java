package org.creamlab.train;

import org.creamlab.data.TargetClass;

/**
 * Logs the training loss per target class every {@code every} steps (and for the final partial
 * window): the mean over the window's targets of that class, as {@code <prefix>/loss_answer},
 * {@code <prefix>/loss_copy} and {@code <prefix>/loss_filler} at the window's last step. A class with
 * no target in the window is not logged. Batches without labels give nothing.
 */
public final class ClassLossListener implements TrainingListener {

    /** A sink for one figure: name, step, value. */
    public interface Sink {
        void log(String name, long step, double value);
    }

    private final int every;
    private final String prefix;
    private final Sink sink;
    private ClassLosses window = ClassLosses.NONE;
    private long lastStep = -1;

    public ClassLossListener(int every, String prefix, Sink sink) {
        if (every <= 0) {
            throw new IllegalArgumentException("metrics interval 'every' must be positive, got " + every);
        }
        this.every = every;
        this.prefix = prefix;
        this.sink = sink;
    }

    @Override
    public void onStep(StepResult r) {
        window = window.plus(r.classLosses());
        lastStep = r.step();
        if ((r.step() + 1) % every == 0) {
            flush();
        }
    }

    @Override
    public void onEnd(TrainingSummary summary) {
        flush();
    }

    private void flush() {
        for (TargetClass c : TargetClass.values()) {
            if (c != TargetClass.NONE && window.count(c) > 0) {
                sink.log(prefix + "/loss_" + c.label(), lastStep, window.mean(c));
            }
        }
        window = ClassLosses.NONE;
    }

}
