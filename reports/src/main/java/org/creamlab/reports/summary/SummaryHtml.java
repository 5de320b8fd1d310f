package org.creamlab.reports.summary;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.creamlab.eval.stats.Interval;
import org.creamlab.metric.Dimensions;
import org.creamlab.reports.plots.Plot;

/**
 * Renders an {@link ExperimentSummary} as HTML: the headline, the shared settings once, one table
 * per task (methods as rows, cells as columns, the best method per column in bold, then the
 * CREAM - PoSE row with its paired interval and McNemar p-value), perplexity, the runs, and the
 * plots embedded as data URIs (so they show in the single-file report too).
 */
public final class SummaryHtml {

    private static final String STYLE = "<style>.cl-sum table{border-collapse:collapse;margin:6px 0 14px}"
            + ".cl-sum td,.cl-sum th{border:1px solid #ccc;padding:3px 6px;text-align:right;font-size:12px}"
            + ".cl-sum th:first-child,.cl-sum td:first-child{text-align:left}"
            + ".cl-sum .ci{color:#777;font-size:11px}.cl-sum .sig{background:#e6f4ea}.cl-sum .neg.sig{background:#fce8e6}"
            + ".cl-sum .head{font-size:14px;font-weight:bold;margin:6px 0}.cl-sum img{max-width:100%;display:block;margin:8px 0}"
            + "</style>";

    private SummaryHtml() {}

    /** The fragment for an Allure {@code descriptionHtml}. */
    public static String fragment(ExperimentSummary s, List<Plot> plots) {
        StringBuilder h = new StringBuilder(STYLE).append("<div class=\"cl-sum\">");
        if (!s.primary().isEmpty()) {
            h.append("<p><b>Primary endpoints</b> (declared in the experiment before its runs; CREAM \u2212 PoSE over the"
                    + " fine-tuned models, Holm-corrected over the endpoints):</p><ul id=\"primary\">");
            PrimaryTables.verdicts(s.primary()).forEach(v -> h.append("<li>").append(esc(v)).append("</li>"));
            h.append("</ul>");
        }
        PrimaryTables.of(s).forEach(t -> table(h, t));
        plots.stream().filter(p -> p.name().startsWith(SummaryMarkdown.FOREST)).forEach(p -> image(h, p));
        h.append("<div class=\"head\" id=\"headline\">")
                .append(esc(s.headline() == null ? "No CREAM vs PoSE comparison in this experiment." : s.headline().sentence()))
                .append("</div>");
        h.append("<p><b>Same for all ").append(s.runs().size()).append(" runs:</b> ")
                .append(esc(s.settings().headerLine())).append("<br><b>Varies:</b> ")
                .append(esc(s.settings().varying().isEmpty() ? "(nothing)" : String.join(", ", s.settings().varying())))
                .append("; seeds ").append(esc(s.settings().seeds().toString()))
                .append(s.settings().bases().isEmpty() ? "" : "; bases " + esc(s.settings().bases().toString()))
                .append(". Exploratory tables below: accuracy ").append(ExperimentSummary.ACCURACY)
                .append(", pooled over units, with the Wilson 95% interval; CREAM \u2212 PoSE per cell with the unit-level"
                        + " test's Benjamini-Hochberg q-value over all cells.</p>");
        s.tables().forEach((task, table) -> table(h, task, table, s.deltas().getOrDefault(task, List.of())));
        TextTable.diagnostics(s).forEach(t -> table(h, t));
        perplexity(h, "Perplexity of held-out filler by length (mean over seeds, lower is better)", s.perplexity());
        perplexity(h, "Far-recall perplexity by length: a repeat of text half the length back (mean over seeds, lower is better)",
                s.recallPerplexity());
        scalars(h, s.scalars());
        runs(h, s.runs());
        plots.stream().filter(p -> !p.name().startsWith(SummaryMarkdown.FOREST)).forEach(p -> image(h, p));
        return h.append("</div>").toString();
    }

    private static void image(StringBuilder h, Plot p) {
        h.append("<h4>").append(esc(p.name())).append("</h4><img alt=\"").append(esc(p.name()))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(p.png())).append("\">");
    }

    /** A complete HTML document (for the HTML attachment). */
    public static String document(ExperimentSummary s, List<Plot> plots) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + esc(s.experiment())
                + ": summary</title></head><body><h2>" + esc(s.experiment()) + ": summary</h2>" + fragment(s, plots)
                + "</body></html>";
    }

    /** Caption of a task's table. */
    static String caption(String task) {
        return switch (task) {
            case "lines" -> "LongChat-Lines: accuracy by context length (paper Fig. 3)";
            case "kv" -> "Key-value retrieval: accuracy by gold position (paper Fig. 1, lost in the middle)";
            case "needle" -> "Needle in a haystack: accuracy by length and depth (paper Fig. 4)";
            case "passkey" -> "Passkey retrieval: accuracy by length and depth";
            default -> task + ": accuracy";
        };
    }

    private static void table(StringBuilder h, String task, ComparisonTable t, List<PairedDelta> deltas) {
        List<Dimensions> cells = t.cells();
        h.append("<h4>").append(esc(caption(task))).append("</h4><table class=\"cmp\" data-task=\"").append(esc(task))
                .append("\"><tr><th>method</th>");
        cells.forEach(c -> h.append("<th>").append(esc(Cells.label(c))).append("</th>"));
        h.append("</tr>");
        for (Arm arm : t.arms()) {
            h.append("<tr><td>").append(esc(arm.label())).append("</td>");
            for (Dimensions c : cells) {
                Optional<MethodCell> mc = t.cell(arm, c);
                if (mc.isEmpty()) {
                    h.append("<td>-</td>");
                    continue;
                }
                MethodCell m = mc.get();
                boolean best = t.best(c).map(arm::equals).orElse(false);
                Interval seedMean = m.seedMean();
                h.append("<td title=\"").append(m.successes()).append('/').append(m.total()).append(" over ")
                        .append(m.seeds()).append(" seed(s); mean of seeds ").append(pct(seedMean.estimate()))
                        .append(" [").append(pct(Math.max(0, seedMean.low()))).append(", ").append(pct(Math.min(1, seedMean.high())))
                        .append("]\">")
                        .append(best ? "<b>" : "").append(pct(m.pooled().estimate())).append(best ? "</b>" : "")
                        .append(" <span class=\"ci\">[").append(pct(m.pooled().low())).append(", ")
                        .append(pct(m.pooled().high())).append("]</span></td>");
            }
            h.append("</tr>");
        }
        if (!deltas.isEmpty()) {
            String label = deltas.get(0).a().label() + " \u2212 " + deltas.get(0).b().label();
            h.append("<tr class=\"delta\"><td>").append(esc(label)).append(" (points, paired 95% CI, q)</td>");
            for (Dimensions c : cells) {
                PairedDelta d = deltas.stream().filter(x -> x.cell().equals(c)).findFirst().orElse(null);
                if (d == null) {
                    h.append("<td>-</td>");
                    continue;
                }
                String cls = (d.difference() < 0 ? "neg " : "") + (d.significant(Headline.ALPHA) ? "sig" : "");
                h.append("<td class=\"").append(cls.trim()).append("\">")
                        .append(String.format(Locale.ROOT, "%+.1f", 100 * d.difference()));
                if (d.paired() != null) {
                    h.append(" <span class=\"ci\">[").append(String.format(Locale.ROOT, "%+.1f, %+.1f",
                            100 * d.paired().low(), 100 * d.paired().high())).append("]</span>");
                }
                h.append("<br>q=").append(Double.isNaN(d.qValue()) ? "n/a" : String.format(Locale.ROOT, "%.3g", d.qValue()))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    /** A {@link TextTable} as an HTML table under a heading. */
    private static void table(StringBuilder h, TextTable t) {
        h.append("<h4>").append(esc(t.caption())).append("</h4><table><tr>");
        t.header().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            row.forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static void perplexity(StringBuilder h, String title, SeedMeans means) {
        if (means.isEmpty()) {
            return;
        }
        List<Dimensions> cells = means.cells();
        h.append("<h4>").append(esc(title)).append("</h4><table><tr><th>method</th>");
        cells.forEach(c -> h.append("<th>").append(esc(Cells.label(c))).append("</th>"));
        h.append("</tr>");
        for (Map.Entry<Arm, Map<Dimensions, Interval>> e : means.values().entrySet()) {
            h.append("<tr><td>").append(esc(e.getKey().label())).append("</td>");
            for (Dimensions c : cells) {
                Interval v = e.getValue().get(c);
                h.append("<td>").append(v == null ? "-" : String.format(Locale.ROOT, "%.2f", v.estimate())).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static void scalars(StringBuilder h, Map<String, SeedMeans> scalars) {
        if (scalars.isEmpty()) {
            return;
        }
        java.util.TreeSet<Arm> arms = new java.util.TreeSet<>();
        scalars.values().forEach(m -> arms.addAll(m.values().keySet()));
        h.append("<h4>Final metrics (mean over seeds)</h4><table><tr><th>arm</th>");
        scalars.keySet().forEach(n -> h.append("<th>").append(esc(n)).append("</th>"));
        h.append("</tr>");
        for (Arm arm : arms) {
            h.append("<tr><td>").append(esc(arm.label())).append("</td>");
            for (SeedMeans m : scalars.values()) {
                Interval v = m.values().getOrDefault(arm, Map.of()).get(Dimensions.none());
                h.append("<td>").append(v == null ? "-" : String.format(Locale.ROOT, "%.4g", v.estimate())).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static void runs(StringBuilder h, List<RunLine> runs) {
        h.append("<h4>Runs</h4><table><tr><th>run</th><th>arm</th><th>seed</th><th>status</th><th>failure</th></tr>");
        for (RunLine r : runs) {
            h.append("<tr><td>").append(r.id()).append("</td><td>").append(esc(r.arm())).append("</td><td>").append(r.seed())
                    .append("</td><td>").append(esc(r.status())).append("</td><td>")
                    .append(r.failureCategory() == null ? "" : esc(r.failureCategory() + ": " + r.failureMessage()))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    private static String pct(double p) {
        return Double.isNaN(p) ? "n/a" : String.format(Locale.ROOT, "%.1f", 100 * p);
    }

    /** Escapes text for HTML. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
