package org.creamlab.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Renders stored metrics as PNG charts with XChart. */
public final class MetricPlots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    private MetricPlots() {}

    /**
     * Names of the metrics that are curves (a step and no dimensions, e.g. {@code train/loss}), in
     * first-seen order; per-sample outcomes such as {@code eval/correct} (step = sample index, with
     * dimensions) are not curves.
     */
    public static List<String> curveNames(List<Metric> metrics) {
        return metrics.stream().filter(m -> m.step() != null && m.dimensions().equals(Dimensions.none()))
                .map(Metric::name).distinct().toList();
    }

    /**
     * A line chart of one stepped metric (e.g. {@code train/loss} against the step); non-finite
     * values are left out of the line (they are in the CSV).
     */
    public static byte[] curve(String title, String name, List<Metric> metrics) {
        Map<Long, Double> points = new LinkedHashMap<>();
        for (Metric m : metrics) {
            if (m.name().equals(name) && m.step() != null && Double.isFinite(m.value())) {
                points.put(m.step(), m.value());
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no finite stepped values of metric '" + name + "'");
        }
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        points.forEach((step, value) -> {
            x.add(step.doubleValue());
            y.add(value);
        });
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("step").yAxisTitle(name)
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
        return png(chart);
    }

    static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart", e);
        }
    }
}
