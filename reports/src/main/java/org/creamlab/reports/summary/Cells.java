package org.creamlab.reports.summary;

import java.util.Comparator;
import java.util.Locale;
import org.creamlab.metric.Dimensions;

/** Ordering and short labels of evaluation cells. */
public final class Cells {

    /** By task, then length, position and depth (absent first). */
    public static final Comparator<Dimensions> ORDER = Comparator
            .<Dimensions, String>comparing(Dimensions::task, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Dimensions::length, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
            .thenComparing(Dimensions::position, Comparator.nullsFirst(Comparator.<Double>naturalOrder()))
            .thenComparing(Dimensions::depth, Comparator.nullsFirst(Comparator.<Double>naturalOrder()));

    private Cells() {}

    /** {@code 512}, {@code 1024 @ pos 25%}, {@code 256 @ depth 50%}: the cell without its task. */
    public static String label(Dimensions d) {
        StringBuilder s = new StringBuilder();
        if (d.length() != null) {
            s.append(d.length());
        }
        if (d.position() != null) {
            s.append(s.length() == 0 ? "" : " @ ").append("pos ").append(percent(d.position() * 100));
        }
        if (d.depth() != null) {
            s.append(s.length() == 0 ? "" : " @ ").append("depth ").append(percent(d.depth()));
        }
        return s.length() == 0 ? "all" : s.toString();
    }

    /** The label with the task in front: {@code lines 512}. */
    public static String fullLabel(Dimensions d) {
        return (d.task() == null ? "" : d.task() + " ") + label(d);
    }

    private static String percent(double p) {
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
    }
}
