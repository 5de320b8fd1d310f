package org.creamlab.reports.plots;

import java.util.List;
import java.util.Locale;
import org.creamlab.positions.WindowExtension;
import org.creamlab.reports.summary.Arm;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The position-id coverage of several schemes in one chart: fraction of samples training each distance. */
public final class CoveragePlot {

    private CoveragePlot() {}

    public static Plot of(WindowExtension extension, List<PositionCoverage> coverages) {
        XYChart chart = new XYChartBuilder().width(Png.WIDTH).height(Png.HEIGHT)
                .title(String.format(Locale.ROOT, "relative distances trained (N=%d, L=%d, %d samples)",
                        extension.window(), extension.targetLength(), coverages.get(0).samples()))
                .xAxisTitle("relative distance").yAxisTitle("fraction of samples that train it").build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        for (PositionCoverage c : coverages) {
            double[] x = new double[c.rates().length];
            for (int d = 0; d < x.length; d++) {
                x[d] = d;
            }
            String label = String.format(Locale.ROOT, "%s (%.0f%% covered)", Arm.displayMethod(c.scheme()),
                    100 * c.coveredFraction());
            chart.addSeries(label, x, c.rates()).setMarker(SeriesMarkers.NONE);
        }
        return new Plot("position-id coverage", Png.of(chart));
    }
}
