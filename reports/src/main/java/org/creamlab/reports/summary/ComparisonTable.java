package org.creamlab.reports.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.creamlab.eval.stats.Interval;
import org.creamlab.eval.stats.BaseMeansTest;
import org.creamlab.eval.stats.PairedCell;
import org.creamlab.eval.stats.PairedUnit;
import org.creamlab.eval.stats.PairedBootstrap;
import org.creamlab.eval.stats.SeedSummary;
import org.creamlab.eval.stats.Wilson;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;

/**
 * Accuracy per arm (method) x evaluation cell, pooled over seeds, and paired differences between
 * two methods. Pure: built from runs' metrics, no store access.
 *
 * <p>Per run and cell the accuracy metric (e.g. {@code eval/tf_exact_match}) and the cell's sample
 * count ({@code eval/samples}) give {@code round(accuracy * samples)} successes; the arm's cell pools
 * successes and samples over seeds (Wilson 95% interval) and also averages the per-seed accuracies
 * (Student-t interval). When an arm has several runs of one unit (base x seed), the newest (highest
 * id) counts. Per-sample outcomes ({@code eval/correct}, step = sample index, the cell's dimensions)
 * are matched by unit, cell and index for McNemar's counts and a paired bootstrap interval; the test
 * of a cell is over units ({@link BaseMeansTest}: t over base means), since the fine-tuned model,
 * not the sample, is the unit of replication.
 */
public final class ComparisonTable {

    /** The per-sample outcome metric. */
    public static final String OUTCOME = "eval/correct";
    /** The per-cell sample count metric. */
    public static final String SAMPLES = "eval/samples";
    private static final int RESAMPLES = 2000;

    private final String metric;
    private final Map<Arm, Map<Dimensions, MethodCell>> cells;
    private final Map<Arm, Map<Unit, StudyRun>> runs;

    private ComparisonTable(String metric, Map<Arm, Map<Dimensions, MethodCell>> cells,
                            Map<Arm, Map<Unit, StudyRun>> runs) {
        this.metric = metric;
        this.cells = cells;
        this.runs = runs;
    }

    /**
     * Builds the table.
     *
     * @param runs the runs to compare (finished ones)
     * @param varying the parameters that define an arm ({@link CommonSettings#varying()})
     * @param metric the accuracy metric, e.g. {@code eval/tf_exact_match}
     * @param cellFilter which cells to include, e.g. those of task {@code lines}
     */
    public static ComparisonTable of(List<StudyRun> runs, List<String> varying, String metric,
                                     Predicate<Dimensions> cellFilter) {
        Map<Arm, Map<Unit, StudyRun>> byArm = new TreeMap<>();
        for (StudyRun run : runs) {
            Map<Unit, StudyRun> units = byArm.computeIfAbsent(Arm.of(run, varying), a -> new TreeMap<>());
            StudyRun previous = units.get(Unit.of(run));
            if (previous == null || previous.id() < run.id()) {
                units.put(Unit.of(run), run);
            }
        }
        Map<Arm, Map<Dimensions, MethodCell>> cells = new TreeMap<>();
        byArm.forEach((arm, seeds) -> {
            Map<Dimensions, List<double[]>> perCell = new TreeMap<>(Cells.ORDER);
            for (StudyRun run : seeds.values()) {
                Map<Dimensions, Double> samples = new HashMap<>();
                for (Metric m : run.metrics()) {
                    if (m.name().equals(SAMPLES) && m.step() == null) {
                        samples.put(m.dimensions(), m.value());
                    }
                }
                for (Metric m : run.metrics()) {
                    if (m.name().equals(metric) && m.step() == null && cellFilter.test(m.dimensions())
                            && Double.isFinite(m.value())) {
                        double n = samples.getOrDefault(m.dimensions(), 0.0);
                        perCell.computeIfAbsent(m.dimensions(), d -> new ArrayList<>()).add(new double[] {m.value(), n});
                    }
                }
            }
            Map<Dimensions, MethodCell> row = new LinkedHashMap<>();
            perCell.forEach((cell, values) -> row.put(cell, pool(arm, cell, values)));
            if (!row.isEmpty()) {
                cells.put(arm, row);
            }
        });
        return new ComparisonTable(metric, cells, byArm);
    }

    private static MethodCell pool(Arm arm, Dimensions cell, List<double[]> values) {
        int successes = 0;
        int total = 0;
        double[] accuracies = new double[values.size()];
        for (int i = 0; i < values.size(); i++) {
            double accuracy = values.get(i)[0];
            int n = (int) Math.round(values.get(i)[1]);
            accuracies[i] = accuracy;
            successes += (int) Math.round(accuracy * n);
            total += n;
        }
        Interval seedMean = SeedSummary.of(accuracies);
        Interval pooled = total > 0
                ? Wilson.interval95(Math.min(successes, total), total)
                : new Interval(seedMean.estimate(), Double.NaN, Double.NaN);
        return new MethodCell(arm, cell, successes, total, pooled, seedMean, values.size());
    }

    /** The accuracy metric this table shows. */
    public String metric() {
        return metric;
    }

    /** Arms with at least one cell, in display order (CREAM, PoSE, RandPos, full, none, others). */
    public List<Arm> arms() {
        return List.copyOf(cells.keySet());
    }

    /** Every cell any arm has, in {@link Cells#ORDER}. */
    public List<Dimensions> cells() {
        TreeSet<Dimensions> all = new TreeSet<>(Cells.ORDER);
        cells.values().forEach(row -> all.addAll(row.keySet()));
        return List.copyOf(all);
    }

    public boolean isEmpty() {
        return cells.isEmpty();
    }

    public Optional<MethodCell> cell(Arm arm, Dimensions cell) {
        return Optional.ofNullable(cells.getOrDefault(arm, Map.of()).get(cell));
    }

    /** The arm with the highest pooled accuracy in {@code cell} (the first in display order on ties). */
    public Optional<Arm> best(Dimensions cell) {
        Arm best = null;
        double top = Double.NEGATIVE_INFINITY;
        for (Arm arm : cells.keySet()) {
            MethodCell c = cells.get(arm).get(cell);
            if (c != null && c.pooled().estimate() > top) {
                top = c.pooled().estimate();
                best = arm;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * {@code a - b} for every arm of method {@code a} whose twin with method {@code b} (all other
     * varying parameters equal) exists, in every cell both have.
     */
    public List<PairedDelta> deltas(String a, String b) {
        List<PairedDelta> out = new ArrayList<>();
        for (Arm armA : cells.keySet()) {
            if (!a.equals(armA.method())) {
                continue;
            }
            Arm armB = armA.withMethod(b);
            if (!cells.containsKey(armB)) {
                continue;
            }
            for (Map.Entry<Dimensions, MethodCell> e : cells.get(armA).entrySet()) {
                MethodCell cb = cells.get(armB).get(e.getKey());
                if (cb != null) {
                    out.add(delta(armA, armB, e.getValue(), cb));
                }
            }
        }
        return out;
    }

    private PairedDelta delta(Arm armA, Arm armB, MethodCell ca, MethodCell cb) {
        Dimensions cell = ca.cell();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        Map<Unit, StudyRun> unitsA = runs.get(armA);
        Map<Unit, StudyRun> unitsB = runs.get(armB);
        List<PairedUnit> units = new ArrayList<>();
        for (Map.Entry<Unit, StudyRun> e : unitsA.entrySet()) {
            StudyRun runB = unitsB.get(e.getKey());
            if (runB == null) {
                continue;
            }
            accuracy(e.getValue(), cell, metric).ifPresent(accA -> accuracy(runB, cell, metric).ifPresent(accB ->
                    units.add(new PairedUnit(e.getKey().base(), e.getKey().seed(),
                            List.of(new PairedCell(new double[] {accA}, new double[] {accB}))))));
            PairedCell matched = matchedOutcomes(e.getValue(), runB, cell);
            if (matched != null) {
                for (int i = 0; i < matched.size(); i++) {
                    xs.add(matched.a()[i]);
                    ys.add(matched.b()[i]);
                }
            }
        }
        double difference = ca.pooled().estimate() - cb.pooled().estimate();
        double p = unitLevelP(units);
        if (xs.isEmpty()) {
            return new PairedDelta(armA, armB, cell, difference, null, 0, 0, 0, p, Double.NaN, units.size());
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        int onlyA = 0;
        int onlyB = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0.5 && y[i] <= 0.5) {
                onlyA++;
            } else if (x[i] <= 0.5 && y[i] > 0.5) {
                onlyB++;
            }
        }
        Interval paired = PairedBootstrap.compare(x, y, RESAMPLES, new SplittableRandom(Cells.fullLabel(cell).hashCode())).difference();
        return new PairedDelta(armA, armB, cell, difference, paired, onlyA, onlyB, x.length, p, Double.NaN, units.size());
    }

    /**
     * The unit-level p-value: t over base means when there are 2 or more bases, else over the units
     * of the one base (a statement about that base only); NaN with fewer than 2 units.
     */
    static double unitLevelP(List<PairedUnit> units) {
        if (units.size() < 2) {
            return Double.NaN;
        }
        boolean oneBase = units.stream().map(PairedUnit::base).distinct().count() < 2;
        List<PairedUnit> grouped = oneBase
                ? units.stream().map(u -> new PairedUnit(u.base() + "/" + u.seed(), u.seed(), u.cells())).toList()
                : units;
        return BaseMeansTest.of(grouped).pValue();
    }

    /** A run's accuracy in a cell, if stored (the last finite value). */
    static Optional<Double> accuracy(StudyRun run, Dimensions cell, String metric) {
        return run.metrics().stream().filter(m -> m.name().equals(metric) && m.step() == null && m.dimensions().equals(cell))
                .map(Metric::value).filter(Double::isFinite).reduce((first, second) -> second);
    }

    /** Two runs' per-sample outcomes ({@link #OUTCOME}) in a cell, matched by sample index; null when none match. */
    static PairedCell matchedOutcomes(StudyRun a, StudyRun b, Dimensions cell) {
        Map<Long, Double> outA = outcomes(a, cell);
        Map<Long, Double> outB = outcomes(b, cell);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        outA.forEach((index, x) -> {
            Double y = outB.get(index);
            if (y != null) {
                xs.add(x);
                ys.add(y);
            }
        });
        return xs.isEmpty() ? null : new PairedCell(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The run of each unit of an arm, by unit. */
    public Map<Unit, StudyRun> runs(Arm arm) {
        return java.util.Collections.unmodifiableMap(runs.getOrDefault(arm, Map.of()));
    }

    private static Map<Long, Double> outcomes(StudyRun run, Dimensions cell) {
        Map<Long, Double> out = new HashMap<>();
        for (Metric m : run.metrics()) {
            if (m.name().equals(OUTCOME) && m.step() != null && m.dimensions().equals(cell)) {
                out.put(m.step(), m.value());
            }
        }
        return out;
    }
}
