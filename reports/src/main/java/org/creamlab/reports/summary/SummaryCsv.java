package org.creamlab.reports.summary;

import java.util.List;
import java.util.Locale;
import org.creamlab.metric.Dimensions;

/** The summary's numbers in long CSV form: one row per arm x cell, one per CREAM - PoSE delta. */
public final class SummaryCsv {

    private SummaryCsv() {}

    public static String of(ExperimentSummary s) {
        StringBuilder csv = new StringBuilder(
                "kind,task,length,position,depth,arm,successes,total,accuracy,low,high,seed_mean,seeds,pairs,only_a,only_b,p_value,q_value\n");
        s.tables().forEach((task, t) -> {
            for (Arm arm : t.arms()) {
                for (Dimensions c : t.cells()) {
                    t.cell(arm, c).ifPresent(m -> csv.append("cell,").append(dims(c)).append(',').append(quote(arm.label()))
                            .append(',').append(m.successes()).append(',').append(m.total()).append(',')
                            .append(num(m.pooled().estimate())).append(',').append(num(m.pooled().low())).append(',')
                            .append(num(m.pooled().high())).append(',').append(num(m.seedMean().estimate())).append(',')
                            .append(m.seeds()).append(",,,,,\n"));
                }
            }
            for (PairedDelta d : s.deltas().getOrDefault(task, List.of())) {
                csv.append("delta,").append(dims(d.cell())).append(',')
                        .append(quote(d.a().label() + " - " + d.b().label())).append(",,,")
                        .append(num(d.difference())).append(',')
                        .append(d.paired() == null ? "" : num(d.paired().low())).append(',')
                        .append(d.paired() == null ? "" : num(d.paired().high())).append(",,,")
                        .append(d.pairs()).append(',').append(d.onlyA()).append(',').append(d.onlyB()).append(',')
                        .append(num(d.pValue())).append(',').append(num(d.qValue())).append('\n');
            }
        });
        return csv.toString();
    }

    private static String dims(Dimensions d) {
        return text(d.task()) + "," + text(d.length()) + "," + text(d.position()) + "," + text(d.depth());
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String quote(String s) {
        return s.contains(",") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
