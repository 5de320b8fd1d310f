package org.creamlab.reports.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.creamlab.eval.stats.Interval;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;
import org.creamlab.reports.summary.Arm;
import org.creamlab.reports.summary.ComparisonTable;
import org.creamlab.reports.summary.MethodCell;
import org.creamlab.reports.summary.SeedMeans;
import org.creamlab.reports.summary.StudyRun;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The study's figures as PNG charts: accuracy vs context length per method (the paper's Figure 3),
 * accuracy vs gold position (Figure 1), needle heatmaps length x depth per method (Figure 4), loss
 * curves and perplexity vs length. Each returns empty when there is nothing to draw.
 */
public final class StudyPlots {

    private StudyPlots() {}

    /**
     * Pooled accuracy (with the Wilson interval as error bars) against one numeric coordinate of the
     * cells, one line per arm.
     *
     * @param x the coordinate, e.g. the length or the gold position in percent
     */
    public static Optional<Plot> accuracyCurve(String name, String title, String xTitle, ComparisonTable table,
                                               ToDoubleFunction<Dimensions> x) {
        if (table.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(Png.WIDTH).height(Png.HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle("accuracy (" + table.metric() + ")").build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        for (Arm arm : table.arms()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (Dimensions cell : table.cells()) {
                Optional<MethodCell> c = table.cell(arm, cell);
                if (c.isPresent()) {
                    Interval p = c.get().pooled();
                    xs.add(x.applyAsDouble(cell));
                    ys.add(p.estimate());
                    errors.add(Double.isNaN(p.high()) ? 0 : (p.high() - p.low()) / 2);
                }
            }
            chart.addSeries(arm.label(), xs, ys, errors);
        }
        return Optional.of(new Plot(name, Png.of(chart)));
    }

    /** One heatmap (length x depth, accuracy in percent) per arm of a needle-style table. */
    public static List<Plot> heatmaps(String task, ComparisonTable table) {
        List<Plot> plots = new ArrayList<>();
        TreeSet<Integer> lengths = new TreeSet<>();
        TreeSet<Double> depths = new TreeSet<>();
        for (Dimensions d : table.cells()) {
            if (d.length() != null && d.depth() != null) {
                lengths.add(d.length());
                depths.add(d.depth());
            }
        }
        if (lengths.isEmpty()) {
            return plots;
        }
        List<Integer> xs = List.copyOf(lengths);
        List<Double> ys = List.copyOf(depths);
        for (Arm arm : table.arms()) {
            List<Number[]> heat = new ArrayList<>();
            for (Dimensions d : table.cells()) {
                Optional<MethodCell> c = table.cell(arm, d);
                if (c.isPresent() && d.length() != null && d.depth() != null) {
                    heat.add(new Number[] {xs.indexOf(d.length()), ys.indexOf(d.depth()),
                        Math.round(1000 * c.get().pooled().estimate()) / 10.0});
                }
            }
            if (heat.isEmpty()) {
                continue;
            }
            HeatMapChart chart = new HeatMapChartBuilder().width(Png.WIDTH).height(Png.HEIGHT)
                    .title(task + " accuracy (%), " + arm.label() + ": context length x depth")
                    .xAxisTitle("context length (tokens)").yAxisTitle("depth (%)").build();
            chart.getStyler().setShowValue(true).setMin(0).setMax(100);
            chart.addSeries(arm.label(), xs, ys, heat);
            plots.add(new Plot(task + " heatmap " + arm.label(), Png.of(chart)));
        }
        return plots;
    }

    /** Mean across seeds against the cells' length, one line per arm (e.g. perplexity). */
    public static Optional<Plot> meansVsLength(String name, String title, String yTitle, SeedMeans means) {
        if (means.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(Png.WIDTH).height(Png.HEIGHT).title(title)
                .xAxisTitle("context length (tokens)").yAxisTitle(yTitle).build();
        means.values().forEach((arm, row) -> {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            row.forEach((cell, v) -> {
                if (cell.length() != null) {
                    xs.add(cell.length().doubleValue());
                    ys.add(v.estimate());
                }
            });
            if (!xs.isEmpty()) {
                chart.addSeries(arm.label(), xs, ys);
            }
        });
        return chart.getSeriesCollection().isEmpty() ? Optional.empty() : Optional.of(new Plot(name, Png.of(chart)));
    }

    /**
     * A stepped metric (e.g. {@code train/loss}) averaged over each arm's runs at every step, one
     * line per arm; non-finite values are left out (a diverged run still shows up to its NaN).
     */
    public static Optional<Plot> curves(String metric, List<StudyRun> runs, List<String> varying) {
        Map<Arm, TreeMap<Long, double[]>> sums = new TreeMap<>();
        for (StudyRun run : runs) {
            Arm arm = Arm.of(run, varying);
            for (Metric m : run.metrics()) {
                if (m.name().equals(metric) && m.step() != null && Double.isFinite(m.value())) {
                    double[] s = sums.computeIfAbsent(arm, a -> new TreeMap<>()).computeIfAbsent(m.step(), k -> new double[2]);
                    s[0] += m.value();
                    s[1]++;
                }
            }
        }
        if (sums.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(Png.WIDTH).height(Png.HEIGHT)
                .title(metric + " (mean over seeds)").xAxisTitle("step").yAxisTitle(metric).build();
        sums.forEach((arm, points) -> {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            points.forEach((step, s) -> {
                xs.add(step.doubleValue());
                ys.add(s[0] / s[1]);
            });
            chart.addSeries(arm.label(), xs, ys).setMarker(SeriesMarkers.NONE);
        });
        return Optional.of(new Plot(metric.replace('/', ' ') + " curves", Png.of(chart)));
    }

    /** One chart per endpoint of the accuracy-vs-steps curves, one line per arm. */
    public static List<Plot> stepCurves(String experiment, org.creamlab.reports.summary.StepCurves curves) {
        List<Plot> plots = new ArrayList<>();
        curves.endpoints().forEach((endpoint, arms) -> {
            XYChart chart = new XYChartBuilder().width(Png.WIDTH).height(Png.HEIGHT)
                    .title(experiment + ": " + endpoint + " vs fine-tuning steps").xAxisTitle("fine-tuning steps")
                    .yAxisTitle("accuracy (teacher-forced, mean over seeds)").build();
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
            arms.forEach((arm, row) -> {
                List<Double> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                row.forEach((step, v) -> {
                    xs.add(step.doubleValue());
                    ys.add(v);
                });
                chart.addSeries(arm.label(), xs, ys);
            });
            plots.add(new Plot("accuracy vs steps: " + endpoint, Png.of(chart)));
        });
        return plots;
    }

    /**
     * The supervision audit's histogram ({@code audit/distance}, length = a bin's upper edge): learnable
     * answer and copy targets per step by the position-id distance between evidence and target, mean
     * over each arm's runs, one line per arm.
     */
    public static Optional<Plot> auditDistances(String experiment, List<StudyRun> runs, List<String> varying) {
        Map<Arm, TreeMap<Integer, double[]>> sums = new TreeMap<>();
        for (StudyRun run : runs) {
            for (Metric m : run.metrics()) {
                if (m.name().equals("audit/distance") && m.dimensions().length() != null) {
                    double[] s = sums.computeIfAbsent(Arm.of(run, varying), a -> new TreeMap<>())
                            .computeIfAbsent(m.dimensions().length(), k -> new double[2]);
                    s[0] += m.value();
                    s[1]++;
                }
            }
        }
        if (sums.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = new XYChartBuilder().width(Png.WIDTH).height(Png.HEIGHT)
                .title(experiment + ": trained evidence-to-target distances (supervision audit)")
                .xAxisTitle("position-id distance, bin upper edge").yAxisTitle("learnable answer+copy targets per step").build();
        sums.forEach((arm, bins) -> {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            bins.forEach((edge, s) -> {
                xs.add(edge.doubleValue());
                ys.add(s[0] / s[1]);
            });
            chart.addSeries(arm.label(), xs, ys);
        });
        return Optional.of(new Plot("supervision audit distances", Png.of(chart)));
    }
}
