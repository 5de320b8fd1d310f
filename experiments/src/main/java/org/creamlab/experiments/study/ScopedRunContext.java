package org.creamlab.experiments.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;
import org.creamlab.metric.MetricLog;
import org.creamlab.experiment.RunContext;
import org.creamlab.experiment.RunPlan;

/**
 * A part of a run that does several sub-studies (e.g. one per method): metric names get
 * {@code <scope>/} in front and files go to {@code <work>/<scope>/}, so the parts never collide.
 * The seed can differ from the run's (a baseline over several seeds).
 */
public final class ScopedRunContext implements RunContext {

    private final RunContext run;
    private final String scope;
    private final long seed;
    private final MetricLog metrics;

    public ScopedRunContext(RunContext run, String scope, long seed) {
        this.run = run;
        this.scope = scope;
        this.seed = seed;
        this.metrics = m -> run.metrics().log(new Metric(scope + "/" + m.name(), m.step(), m.value(), m.dimensions()));
    }

    @Override
    public RunPlan plan() {
        return run.plan();
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public long runId() {
        return run.runId();
    }

    @Override
    public MetricLog metrics() {
        return metrics;
    }

    @Override
    public boolean resumed() {
        return run.resumed();
    }

    @Override
    public org.creamlab.experiment.StopSignal stopSignal() {
        return run.stopSignal();
    }

    @Override
    public boolean hasMetric(String name, Long step, Dimensions dimensions) {
        return run.hasMetric(scope + "/" + name, step, dimensions);
    }

    @Override
    public List<Metric> previousMetrics() {
        String prefix = scope + "/";
        return run.previousMetrics().stream().filter(m -> m.name().startsWith(prefix))
                .map(m -> new Metric(m.name().substring(prefix.length()), m.step(), m.value(), m.dimensions())).toList();
    }

    @Override
    public Path workDirectory() {
        Path dir = run.workDirectory().resolve(scope);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    @Override
    public void artifact(String kind, Path file) {
        run.artifact(kind, file);
    }
}
