package org.creamlab.reports.plots;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Encodes XChart charts as PNG bytes. */
public final class Png {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 500;

    private Png() {}

    public static byte[] of(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart '" + chart.getTitle() + "'", e);
        }
    }
}
