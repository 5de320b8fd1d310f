package org.creamlab.reports.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.creamlab.eval.stats.MultipleTesting;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Endpoint;
import org.creamlab.metric.Metric;

/**
 * What one experiment's summary shows, computed from its finished runs: the settings shared by all
 * runs, one {@link ComparisonTable} per evaluation task, CREAM - PoSE deltas per task, perplexity
 * per length, and the headline. Pure.
 *
 * @param experiment the experiment's name
 * @param settings shared and varying parameters (over all listed runs, finished or not)
 * @param runs every run, finished or not
 * @param tables accuracy tables by task, in display order (lines, kv, needle, passkey, others)
 * @param deltas CREAM - PoSE per task (empty lists when either is missing)
 * @param perplexity perplexity by arm and length
 * @param scalars final metrics without dimensions (e.g. the smoke test's {@code eval/copy_accuracy}) by name
 * @param headline CREAM vs PoSE over every cell of every task, or null when there is no comparison
 * @param recallPerplexity far-recall perplexity by arm and length ({@code eval/recall-perplexity})
 * @param audit the supervision audit of each arm's fine-tuning data
 * @param curves accuracy against fine-tuning steps per endpoint
 * @param endpoints the primary endpoints the experiment declared before its runs (empty: none)
 * @param primary CREAM - PoSE on each declared endpoint over the units of replication (empty: none)
 * @param timing compute time by part and arm
 * @param cost inference cost by arm
 * @param lures LongChat-Lines beyond N with and without a lure, by arm
 */
public record ExperimentSummary(String experiment, CommonSettings settings, List<RunLine> runs,
                                Map<String, ComparisonTable> tables, Map<String, List<PairedDelta>> deltas,
                                SeedMeans perplexity, Map<String, SeedMeans> scalars,
                                Headline headline, SeedMeans recallPerplexity, AuditTable audit, StepCurves curves,
                                List<Endpoint> endpoints, List<EndpointResult> primary, TimeByPart timing, CostByArm cost,
                                LureTable lures) {

    /** The accuracy metric the tables use (teacher-forced exact match, always computed). */
    public static final String ACCURACY = "eval/tf_exact_match";
    /** The perplexity metric. */
    public static final String PERPLEXITY = "eval/perplexity";
    /** The far-recall perplexity metric. */
    public static final String RECALL_PERPLEXITY = "eval/recall-perplexity";
    private static final List<String> TASK_ORDER = List.of("lines", "kv", "needle", "passkey");

    public ExperimentSummary {
        Objects.requireNonNull(experiment, "experiment");
        runs = List.copyOf(runs);
        tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        deltas = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(deltas));
        scalars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        endpoints = List.copyOf(endpoints);
        primary = List.copyOf(primary);
    }

    /**
     * @param settings the split over all the experiment's runs
     * @param finished the finished runs (the only ones compared)
     * @param runs every run, for the run list
     * @param endpoints the primary endpoints declared for the experiment (empty: none)
     */
    public static ExperimentSummary of(String experiment, CommonSettings settings, List<StudyRun> finished,
                                       List<RunLine> runs, List<Endpoint> endpoints) {
        List<String> varying = settings.varying();
        Map<String, ComparisonTable> tables = new LinkedHashMap<>();
        Map<String, List<PairedDelta>> deltas = new LinkedHashMap<>();
        List<PairedDelta> all = new ArrayList<>();
        for (String task : tasks(finished)) {
            ComparisonTable table = ComparisonTable.of(finished, varying, ACCURACY, d -> task.equals(d.task()));
            if (table.isEmpty()) {
                continue;
            }
            tables.put(task, table);
            deltas.put(task, table.deltas("cream", "pose"));
        }
        // exploratory cells: Benjamini-Hochberg over every cell's unit-level p-value
        List<PairedDelta> tested = deltas.values().stream().flatMap(List::stream).filter(x -> !Double.isNaN(x.pValue())).toList();
        double[] q = tested.isEmpty() ? new double[0]
                : MultipleTesting.benjaminiHochberg(tested.stream().mapToDouble(PairedDelta::pValue).toArray());
        Map<PairedDelta, Double> qs = new java.util.IdentityHashMap<>();
        for (int i = 0; i < tested.size(); i++) {
            qs.put(tested.get(i), q[i]);
        }
        deltas.replaceAll((task, list) -> list.stream().map(x -> x.withQValue(qs.getOrDefault(x, Double.NaN))).toList());
        deltas.values().forEach(all::addAll);
        SeedMeans perplexity = SeedMeans.of(finished, varying, PERPLEXITY, d -> true);
        boolean compared = tables.values().stream().anyMatch(t -> t.arms().stream().anyMatch(a -> "cream".equals(a.method())))
                && tables.values().stream().anyMatch(t -> t.arms().stream().anyMatch(a -> "pose".equals(a.method())));
        Headline headline = compared ? Headline.of("CREAM", "PoSE", all) : null;
        Map<String, SeedMeans> scalars = new LinkedHashMap<>();
        for (StudyRun r : finished) {
            for (Metric m : r.metrics()) {
                if (m.step() == null && m.dimensions().equals(Dimensions.none()) && !scalars.containsKey(m.name())
                        && !TimeByPart.PARTS.contains(m.name())) {
                    scalars.put(m.name(), SeedMeans.of(finished, varying, m.name(), Dimensions.none()::equals));
                }
            }
        }
        return new ExperimentSummary(experiment, settings, runs, tables, deltas, perplexity, scalars, headline,
                SeedMeans.of(finished, varying, RECALL_PERPLEXITY, d -> true), AuditTable.of(finished, varying),
                StepCurves.of(finished, varying), endpoints, PrimaryAnalysis.of(tables, endpoints, "cream", "pose"),
                TimeByPart.of(finished, varying), CostByArm.of(finished, varying), LureTable.of(finished, varying));
    }

    private static List<String> tasks(List<StudyRun> runs) {
        TreeSet<String> found = new TreeSet<>();
        for (StudyRun r : runs) {
            for (Metric m : r.metrics()) {
                Dimensions d = m.dimensions();
                if (m.name().equals(ACCURACY) && m.step() == null && d.task() != null) {
                    found.add(d.task());
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        TASK_ORDER.stream().filter(found::contains).forEach(ordered::add);
        found.stream().filter(t -> !TASK_ORDER.contains(t)).forEach(ordered::add);
        return ordered;
    }
}
