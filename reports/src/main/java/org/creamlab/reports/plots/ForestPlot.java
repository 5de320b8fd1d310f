package org.creamlab.reports.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.creamlab.eval.stats.Interval;
import org.creamlab.reports.summary.EndpointResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The forest plot of one primary endpoint: the difference of the two arms (in points) per base,
 * each with its bootstrap interval over its seeds and samples, and the pooled estimate with the
 * hierarchical bootstrap interval at the bottom; a dashed line at 0. One horizontal line per row,
 * the estimates as markers.
 */
public final class ForestPlot {

    private ForestPlot() {}

    public static Plot of(String experiment, EndpointResult r) {
        String title = String.format(Locale.ROOT, "%s: %s \u2212 %s on %s, per base and pooled (points)", experiment,
                r.a().label(), r.b().label(), r.endpoint().name());
        XYChart chart = new XYChartBuilder().width(Png.WIDTH).height(Png.HEIGHT).title(title)
                .xAxisTitle(r.a().label() + " \u2212 " + r.b().label() + " (points, 95% bootstrap interval)")
                .yAxisTitle("base (top) ... pooled (bottom)").build();
        chart.getStyler().setYAxisTicksVisible(false);
        List<Double> estimatesX = new ArrayList<>();
        List<Double> estimatesY = new ArrayList<>();
        int rows = r.perBase().size() + 1;
        double low = 0;
        double high = 0;
        for (int i = 0; i < rows; i++) {
            boolean pooled = i == rows - 1;
            Interval v = pooled ? r.difference() : r.perBase().get(i).difference();
            String label = pooled ? String.format(Locale.ROOT, "pooled, %d units: %+.1f", r.units(), 100 * v.estimate())
                    : String.format(Locale.ROOT, "base %s, %d seeds: %+.1f", r.perBase().get(i).base(),
                            r.perBase().get(i).units(), 100 * v.estimate());
            double y = rows - i + (pooled ? -0.5 : 0);
            XYSeries line = chart.addSeries(label, List.of(100 * v.low(), 100 * v.high()), List.of(y, y));
            line.setMarker(SeriesMarkers.NONE);
            estimatesX.add(100 * v.estimate());
            estimatesY.add(y);
            low = Math.min(low, 100 * v.low());
            high = Math.max(high, 100 * v.high());
        }
        XYSeries points = chart.addSeries("estimate", estimatesX, estimatesY);
        points.setLineStyle(SeriesLines.NONE);
        points.setMarker(SeriesMarkers.DIAMOND);
        XYSeries zero = chart.addSeries("no difference", List.of(0.0, 0.0), List.of(0.0, rows + 1.0));
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineStyle(SeriesLines.DASH_DASH);
        chart.getStyler().setXAxisMin(Math.floor(low / 10) * 10 - 5).setXAxisMax(Math.ceil(high / 10) * 10 + 5)
                .setYAxisMin(0.0).setYAxisMax(rows + 1.0);
        return new Plot("forest plot " + r.endpoint().name(), Png.of(chart));
    }
}
