package org.creamlab.reports.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A captioned table of formatted cells, rendered alike by {@link SummaryMarkdown} and
 * {@link SummaryHtml}; built here for the summary's diagnostic sections (accuracy vs steps, the
 * supervision audit). Pure.
 *
 * @param caption the table's title
 * @param header column titles (the first is the row label's)
 * @param rows formatted rows, each as long as the header
 */
public record TextTable(String caption, List<String> header, List<List<String>> rows) {

    public TextTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** One table per endpoint: arms as rows, fine-tuning steps as columns, accuracy in %. */
    public static List<TextTable> of(StepCurves curves) {
        List<TextTable> tables = new ArrayList<>();
        curves.endpoints().forEach((endpoint, arms) -> {
            TreeSet<Long> steps = new TreeSet<>();
            arms.values().forEach(r -> steps.addAll(r.keySet()));
            List<String> header = new ArrayList<>(List.of("method \\ steps"));
            steps.forEach(st -> header.add(Long.toString(st)));
            List<List<String>> rows = new ArrayList<>();
            arms.forEach((arm, row) -> {
                List<String> r = new ArrayList<>(List.of(arm.label()));
                steps.forEach(st -> r.add(row.containsKey(st) ? format(100 * row.get(st)) : "-"));
                rows.add(r);
            });
            tables.add(new TextTable("Accuracy vs fine-tuning steps: " + endpoint + " (%, mean over seeds)", header, rows));
        });
        return tables;
    }

    /** The supervision audit: arms as rows, the per-step figures as columns; empty when no run has one. */
    public static List<TextTable> of(AuditTable audit) {
        if (audit.isEmpty()) {
            return List.of();
        }
        List<String> header = new ArrayList<>(List.of("method"));
        header.addAll(audit.columns());
        List<List<String>> rows = new ArrayList<>();
        audit.rows().forEach((arm, v) -> {
            List<String> r = new ArrayList<>(List.of(arm.label()));
            for (double x : v) {
                r.add(format(x));
            }
            rows.add(r);
        });
        return List.of(new TextTable("Supervision audit of the fine-tuning data (per step, mean over runs)", header, rows));
    }

    /** LongChat-Lines beyond N with and without a lure: arms as rows; empty when no run has the figures. */
    public static List<TextTable> of(LureTable lures) {
        if (lures.isEmpty()) {
            return List.of();
        }
        List<String> header = new ArrayList<>(List.of("method"));
        header.addAll(LureTable.COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        lures.rows().forEach((arm, row) -> {
            List<String> r = new ArrayList<>(List.of(arm.label()));
            row.percentages().forEach(x -> r.add(format(x)));
            r.add(Integer.toString(row.runs()));
            rows.add(r);
        });
        return List.of(new TextTable("LongChat-Lines beyond N when another line's number shares the answer's first piece "
                + "(a lure: copying what followed that piece elsewhere is wrong), pooled over lengths, mean over runs",
                header, rows));
    }

    /** The summary's diagnostic tables in reading order: accuracy vs steps, the audit, then the lures. */
    public static List<TextTable> diagnostics(ExperimentSummary s) {
        List<TextTable> all = new ArrayList<>(of(s.curves()));
        all.addAll(of(s.audit()));
        all.addAll(of(s.lures()));
        return all;
    }

    private static String format(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.1f", x);
    }
}
