package org.creamlab.reports.summary;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.creamlab.eval.stats.Interval;
import org.creamlab.metric.Dimensions;

/**
 * Renders an {@link ExperimentSummary} as GitHub Markdown, the same content as {@link SummaryHtml}
 * (headline, shared settings, one table per task with pooled Wilson 95% intervals and the
 * CREAM - PoSE row, perplexity, runs) with the plots as image links, for pasting into a README or
 * a results page. Pure.
 */
public final class SummaryMarkdown {

    /** Plots whose name starts so are shown with the primary endpoints. */
    static final String FOREST = "forest plot";

    private SummaryMarkdown() {}

    /**
     * @param s the summary
     * @param plotFiles per plot, the image file name relative to the Markdown file
     */
    public static String document(ExperimentSummary s, Map<String, String> plotFiles) {
        StringBuilder m = new StringBuilder("# ").append(s.experiment()).append(": summary\n\n");
        if (!s.primary().isEmpty()) {
            m.append("**Primary endpoints** (declared in the experiment before its runs; CREAM \u2212 PoSE over the fine-tuned"
                    + " models, Holm-corrected over the endpoints):\n\n");
            PrimaryTables.verdicts(s.primary()).forEach(v -> m.append("- ").append(v).append('\n'));
            m.append('\n');
        }
        PrimaryTables.of(s).forEach(t -> table(m, t));
        // the forest plots belong to the confirmatory part: right after its tables
        plotFiles.forEach((name, file) -> {
            if (name.startsWith(FOREST)) {
                m.append("![").append(name).append("](").append(file).append(")\n\n");
            }
        });
        m.append("**").append(s.headline() == null ? "No CREAM vs PoSE comparison in this experiment." : s.headline().sentence())
                .append("**\n\n");
        m.append("Same for all ").append(s.runs().size()).append(" runs: ").append(s.settings().headerLine()).append(". Varies: ")
                .append(s.settings().varying().isEmpty() ? "(nothing)" : String.join(", ", s.settings().varying()))
                .append("; seeds ").append(s.settings().seeds())
                .append(s.settings().bases().isEmpty() ? "" : "; bases " + s.settings().bases())
                .append(". Exploratory tables below: accuracy `").append(ExperimentSummary.ACCURACY)
                .append("` in %, pooled over units, with the Wilson 95% interval; CREAM \u2212 PoSE per cell with the unit-level"
                        + " test's Benjamini-Hochberg q-value over all cells.\n\n");
        s.tables().forEach((task, table) -> table(m, task, table, s.deltas().getOrDefault(task, List.of())));
        TextTable.diagnostics(s).forEach(t -> table(m, t));
        perplexity(m, "Perplexity of held-out filler by length (mean over seeds, lower is better)", s.perplexity());
        perplexity(m, "Far-recall perplexity by length: a repeat of text half the length back (mean over seeds, lower is better)",
                s.recallPerplexity());
        runs(m, s.runs());
        plotFiles.forEach((name, file) -> {
            if (!name.startsWith(FOREST)) {
                m.append("![").append(name).append("](").append(file).append(")\n\n");
            }
        });
        return m.toString();
    }

    /** One task's table: methods as rows, cells as columns, the best per column in bold, then the paired delta row. */
    static void table(StringBuilder m, String task, ComparisonTable t, List<PairedDelta> deltas) {
        List<Dimensions> cells = t.cells();
        m.append("### ").append(SummaryHtml.caption(task)).append("\n\n| method |");
        cells.forEach(c -> m.append(' ').append(Cells.label(c)).append(" |"));
        m.append("\n|---|");
        cells.forEach(c -> m.append("---|"));
        m.append('\n');
        for (Arm arm : t.arms()) {
            m.append("| ").append(arm.label()).append(" |");
            for (Dimensions c : cells) {
                Optional<MethodCell> mc = t.cell(arm, c);
                if (mc.isEmpty()) {
                    m.append(" - |");
                    continue;
                }
                Interval p = mc.get().pooled();
                boolean best = t.best(c).map(arm::equals).orElse(false);
                String v = pct(p.estimate());
                m.append(' ').append(best ? "**" + v + "**" : v).append(" [").append(pct(p.low())).append(", ")
                        .append(pct(p.high())).append("] |");
            }
            m.append('\n');
        }
        if (!deltas.isEmpty()) {
            m.append("| ").append(deltas.get(0).a().label()).append(" \u2212 ").append(deltas.get(0).b().label())
                    .append(" (points [paired 95% CI], q) |");
            for (Dimensions c : cells) {
                PairedDelta d = deltas.stream().filter(x -> x.cell().equals(c)).findFirst().orElse(null);
                if (d == null) {
                    m.append(" - |");
                    continue;
                }
                m.append(' ').append(String.format(Locale.ROOT, "%+.1f", 100 * d.difference()));
                if (d.paired() != null) {
                    m.append(String.format(Locale.ROOT, " [%+.1f, %+.1f]", 100 * d.paired().low(), 100 * d.paired().high()));
                }
                m.append(" q=").append(Double.isNaN(d.qValue()) ? "n/a" : String.format(Locale.ROOT, "%.3g", d.qValue()))
                        .append(d.significant(Headline.ALPHA) ? " *" : "").append(" |");
            }
            m.append('\n');
        }
        m.append('\n');
    }

    /** A {@link TextTable} as a Markdown table under a heading. */
    static void table(StringBuilder m, TextTable t) {
        m.append("### ").append(t.caption()).append("\n\n|");
        t.header().forEach(c -> m.append(' ').append(c).append(" |"));
        m.append("\n|");
        t.header().forEach(c -> m.append("---|"));
        m.append('\n');
        for (List<String> row : t.rows()) {
            m.append('|');
            row.forEach(c -> m.append(' ').append(c).append(" |"));
            m.append('\n');
        }
        m.append('\n');
    }

    private static void perplexity(StringBuilder m, String title, SeedMeans means) {
        if (means.isEmpty()) {
            return;
        }
        List<Dimensions> cells = means.cells();
        m.append("### ").append(title).append("\n\n| method |");
        cells.forEach(c -> m.append(' ').append(Cells.label(c)).append(" |"));
        m.append("\n|---|");
        cells.forEach(c -> m.append("---|"));
        m.append('\n');
        for (Map.Entry<Arm, Map<Dimensions, Interval>> e : means.values().entrySet()) {
            m.append("| ").append(e.getKey().label()).append(" |");
            for (Dimensions c : cells) {
                Interval v = e.getValue().get(c);
                m.append(' ').append(v == null ? "-" : String.format(Locale.ROOT, "%.2f", v.estimate())).append(" |");
            }
            m.append('\n');
        }
        m.append('\n');
    }

    private static void runs(StringBuilder m, List<RunLine> runs) {
        m.append("### Runs\n\n| run | arm | seed | status | failure |\n|---|---|---|---|---|\n");
        for (RunLine r : runs) {
            m.append("| ").append(r.id()).append(" | ").append(r.arm()).append(" | ").append(r.seed()).append(" | ")
                    .append(r.status()).append(" | ")
                    .append(r.failureCategory() == null ? "" : (r.failureCategory() + ": " + r.failureMessage()).replace("|", "\\|"))
                    .append(" |\n");
        }
        m.append('\n');
    }

    private static String pct(double p) {
        return Double.isNaN(p) ? "n/a" : String.format(Locale.ROOT, "%.1f", 100 * p);
    }
}
