package org.creamlab.reports.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.creamlab.eval.stats.VarianceComponents;

/**
 * The confirmatory part of a summary as tables, in reading order: the declared endpoints with
 * CREAM - PoSE over units, their intervals and adjusted p-values; where the variance comes from and
 * what the design can detect; and where the compute time went. Pure.
 */
public final class PrimaryTables {

    private PrimaryTables() {}

    /** The tables (empty when the experiment declared no endpoints or compared nothing). */
    public static List<TextTable> of(ExperimentSummary s) {
        List<TextTable> tables = new ArrayList<>();
        if (!s.primary().isEmpty()) {
            tables.add(endpoints(s.primary(), s.endpoints().size()));
            tables.add(variance(s.primary(), s.endpoints().size()));
        }
        if (!s.timing().isEmpty()) {
            tables.add(timing(s.timing()));
        }
        if (!s.cost().isEmpty()) {
            tables.add(cost(s.cost()));
        }
        return tables;
    }

    /** One sentence per endpoint with its verdict, for the top of the summary. */
    public static List<String> verdicts(List<EndpointResult> primary) {
        List<String> out = new ArrayList<>();
        for (EndpointResult r : primary) {
            out.add(String.format(Locale.ROOT, "%s: %s %s %s by %+.1f points [%+.1f, %+.1f] over %d units (%d bases); Holm p %s: %s",
                    r.endpoint().name(), r.a().label(), "\u2212", r.b().label(), 100 * r.difference().estimate(),
                    100 * r.difference().low(), 100 * r.difference().high(), r.units(), r.bases(), p(r.holmP()), verdict(r)));
        }
        return out;
    }

    static String verdict(EndpointResult r) {
        if (Double.isNaN(r.holmP())) {
            return "not testable with one base";
        }
        if (r.holmP() < PrimaryAnalysis.ALPHA) {
            return (r.difference().estimate() > 0 ? r.a().label() : r.b().label()) + " ahead";
        }
        return String.format(Locale.ROOT, "not decided (this design detects %.0f points at 80%% power)", 100 * r.mde());
    }

    private static TextTable endpoints(List<EndpointResult> primary, int family) {
        EndpointResult first = primary.get(0);
        List<String> header = List.of("endpoint (declared before the runs)", first.a().label() + " %", first.b().label() + " %",
                first.a().label() + " \u2212 " + first.b().label() + " (points) [95% hierarchical bootstrap]", "units (bases)",
                "t over base means: p", "Holm p (" + family + " endpoints)", "sign-flip p (base means)", "verdict");
        List<List<String>> rows = new ArrayList<>();
        for (EndpointResult r : primary) {
            rows.add(List.of(label(r, primary, r.endpoint().describe()), pct(r.meanA()), pct(r.meanB()),
                    String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]", 100 * r.difference().estimate(),
                            100 * r.difference().low(), 100 * r.difference().high()),
                    r.units() + " (" + r.bases() + ")", p(r.tP()), p(r.holmP()), p(r.signFlipP()), verdict(r)));
        }
        return new TextTable("Primary endpoints: " + first.a().label() + " \u2212 " + first.b().label()
                + " over the fine-tuned models (unit = base x seed)", header, rows);
    }

    private static TextTable variance(List<EndpointResult> primary, int family) {
        List<String> header = List.of("endpoint", "between bases %", "between seeds %", "within model (samples) %",
                "SD of a base mean (points)", "MDE at 80% power, two-sided \u03b1 = 0.05 / " + family + " (points)",
                "bases for a 10-point effect");
        List<List<String>> rows = new ArrayList<>();
        for (EndpointResult r : primary) {
            VarianceComponents v = r.components();
            double[] shares = v.shares();
            int seeds = Math.max(1, Math.round((float) r.units() / r.bases()));
            rows.add(List.of(label(r, primary, r.endpoint().name()), share(shares[0]), share(shares[1]), share(shares[2]),
                    String.format(Locale.ROOT, "%.1f", 100 * Math.sqrt(v.baseMeanVariance(seeds))),
                    Double.isNaN(r.mde()) ? "-" : String.format(Locale.ROOT, "%.1f", 100 * r.mde()),
                    r.bases() < 2 ? "- (one base: the between-base variance is unknown)"
                            : (r.basesForTenPoints() < 0 ? "> " + org.creamlab.eval.stats.PowerAnalysis.MAX_BASES
                            : Integer.toString(r.basesForTenPoints())) + " (x " + seeds + " seeds)"));
        }
        return new TextTable("Where the variance of the difference comes from, and what this design can detect", header, rows);
    }

    /** The compute time per arm, and a total row when there is more than one arm. */
    static TextTable timing(TimeByPart t) {
        List<String> header = List.of("method", "runs", "base (min)", "fine-tuning (min)", "evaluation (min)", "total (min)");
        List<List<String>> rows = new ArrayList<>();
        double[] total = new double[3];
        int runs = 0;
        for (var e : t.seconds().entrySet()) {
            double[] s = e.getValue();
            int n = t.runs().get(e.getKey());
            rows.add(List.of(e.getKey().label(), Integer.toString(n), min(s[0]), min(s[1]), min(s[2]), min(s[0] + s[1] + s[2])));
            for (int i = 0; i < 3; i++) {
                total[i] += s[i];
            }
            runs += n;
        }
        if (t.seconds().size() > 1) {
            rows.add(List.of("all", Integer.toString(runs), min(total[0]), min(total[1]), min(total[2]),
                    min(total[0] + total[1] + total[2])));
        }
        return new TextTable("Compute time by part (sums over the finished runs; the report is timed by the build)", header, rows);
    }

    private static TextTable cost(CostByArm c) {
        List<String> header = new ArrayList<>(List.of("method"));
        header.addAll(CostByArm.COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        for (var e : c.rows().entrySet()) {
            double[] v = e.getValue();
            rows.add(List.of(e.getKey().label(), num(v[0], "%.0f"), num(v[1], "%.3f"), num(v[2], "%.1f"), num(100 * v[3], "%.1f"),
                    Integer.toString((int) v[4])));
        }
        return new TextTable("Cost next to quality (means over runs; a training-free method needs no fine-tuning)", header, rows);
    }

    private static String num(double v, String format) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
    }

    /** The row label, with the compared arms when the summary compares more than one pair. */
    private static String label(EndpointResult r, List<EndpointResult> all, String text) {
        boolean pairs = all.stream().map(x -> x.a().label()).distinct().count() > 1;
        return pairs ? r.a().label() + " vs " + r.b().label() + ": " + text : text;
    }

    private static String min(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds / 60);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f", 100 * v);
    }

    private static String share(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", 100 * v);
    }

    private static String p(double v) {
        return Double.isNaN(v) ? "-" : v < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", v);
    }
}
