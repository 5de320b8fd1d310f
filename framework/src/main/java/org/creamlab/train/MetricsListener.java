package org.creamlab.train;

import java.util.function.Consumer;

/**
 * Emits a {@link TrainingMetrics} every {@code every} steps (and for a final partial window at the
 * end) to a sink, e.g. the run store's adapter.
 */
public final class MetricsListener implements TrainingListener {

    private final int every;
    private final Consumer<TrainingMetrics> sink;
    private double lossSum;
    private long tokens;
    private double seconds;
    private int count;
    private StepResult last;
    private ClassLosses classLosses = ClassLosses.NONE;

    public MetricsListener(int every, Consumer<TrainingMetrics> sink) {
        if (every <= 0) {
            throw new IllegalArgumentException("metrics interval 'every' must be positive, got " + every);
        }
        this.every = every;
        this.sink = sink;
    }

    @Override
    public void onStep(StepResult r) {
        lossSum += r.loss();
        tokens += r.tokens();
        seconds += r.stepSeconds();
        count++;
        last = r;
        classLosses = classLosses.plus(r.classLosses());
        if ((r.step() + 1) % every == 0) {
            flush();
        }
    }

    @Override
    public void onEnd(TrainingSummary summary) {
        flush();
    }

    @Override
    public int window() {
        return every;
    }

    private void flush() {
        if (count == 0) {
            return;
        }
        sink.accept(new TrainingMetrics(last.step(), lossSum / count, last.learningRate(), last.gradNorm(),
                seconds > 0 ? tokens / seconds : 0, classLosses));
        classLosses = ClassLosses.NONE;
        lossSum = 0;
        tokens = 0;
        seconds = 0;
        count = 0;
    }
}
