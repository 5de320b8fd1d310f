package org.creamlab.reports.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.creamlab.eval.stats.BaseMeansTest;
import org.creamlab.eval.stats.HierarchicalBootstrap;
import org.creamlab.eval.stats.Interval;
import org.creamlab.eval.stats.MultipleTesting;
import org.creamlab.eval.stats.PairedCell;
import org.creamlab.eval.stats.PairedUnit;
import org.creamlab.eval.stats.PowerAnalysis;
import org.creamlab.eval.stats.VarianceComponents;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Endpoint;

/**
 * The confirmatory analysis of a study: for each pair of arms that differ only in method (CREAM and
 * PoSE), each declared primary endpoint is compared over the units of replication (base x seed) the
 * two arms share. Per unit, the endpoint is the unweighted mean of its cells' accuracies; cells are
 * paired sample by sample ({@code eval/correct}, or the cell's accuracy when a run stored no
 * outcomes). Reported per endpoint: the mean difference with a hierarchical bootstrap 95% interval,
 * the t test over base means with Holm's correction over the endpoints, the exact sign-flip p-value
 * of the base means, the variance components, the minimum detectable effect at 80% power for the
 * design that ran and the bases a 10-point effect would need. Pure and deterministic.
 */
public final class PrimaryAnalysis {

    /** Bootstrap replicates per interval. */
    public static final int RESAMPLES = 2000;
    /** The effect the design is sized against, in accuracy (10 points). */
    public static final double TARGET_EFFECT = 0.10;
    /** Family-wise level over the declared endpoints. */
    public static final double ALPHA = 0.05;
    private static final String WINDOW_PARAM = "window";
    private static final String DEFAULT_WINDOW = "128";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PrimaryAnalysis.class);

    private PrimaryAnalysis() {}

    /**
     * @param table every task's table (its arms and runs by unit)
     * @param endpoints the declared endpoints, in order
     * @param methodA the first method, e.g. {@code cream}
     * @param methodB the second, e.g. {@code pose}
     * @return one list per compared pair of arms, each with one result per endpoint that has units; empty when
     *     nothing is declared or compared
     */
    public static List<EndpointResult> of(Map<String, ComparisonTable> table, List<Endpoint> endpoints, String methodA,
                                          String methodB) {
        List<EndpointResult> out = new ArrayList<>();
        if (endpoints.isEmpty()) {
            return out;
        }
        Map<String, List<EndpointResult>> byPair = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            ComparisonTable t = table.get(endpoint.task());
            if (t == null) {
                continue;
            }
            for (Arm armA : t.arms()) {
                if (!methodA.equals(armA.method())) {
                    continue;
                }
                Arm armB = armA.withMethod(methodB);
                if (!t.arms().contains(armB)) {
                    continue;
                }
                EndpointResult r = compare(endpoint, t, armA, armB, endpoints.size());
                if (r != null) {
                    byPair.computeIfAbsent(armA.label(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        for (List<EndpointResult> results : byPair.values()) {
            // the family is every declared endpoint: one without data counts as p = 1, never as a smaller family
            double[] p = new double[endpoints.size()];
            java.util.Arrays.fill(p, 1.0);
            for (int i = 0; i < results.size(); i++) {
                EndpointResult r = results.get(i);
                p[endpoints.indexOf(r.endpoint())] = Double.isNaN(r.tP()) ? 1 : r.tP();
            }
            double[] holm = MultipleTesting.holm(p);
            for (EndpointResult r : results) {
                out.add(r.withHolm(Double.isNaN(r.tP()) ? Double.NaN : holm[endpoints.indexOf(r.endpoint())]));
            }
        }
        return out;
    }

    private static EndpointResult compare(Endpoint endpoint, ComparisonTable t, Arm armA, Arm armB, int family) {
        Map<Unit, StudyRun> runsA = t.runs(armA);
        Map<Unit, StudyRun> runsB = t.runs(armB);
        List<PairedUnit> units = new ArrayList<>();
        double sumA = 0;
        double sumB = 0;
        for (Map.Entry<Unit, StudyRun> e : runsA.entrySet()) {
            StudyRun b = runsB.get(e.getKey());
            if (b == null) {
                continue;
            }
            StudyRun a = e.getValue();
            int window = Integer.parseInt(a.param(WINDOW_PARAM, DEFAULT_WINDOW));
            List<PairedCell> cells = new ArrayList<>();
            double accA = 0;
            double accB = 0;
            for (Dimensions cell : t.cells()) {
                if (!endpoint.matches(cell, window)) {
                    continue;
                }
                PairedCell paired = paired(a, b, cell, t.metric());
                if (paired != null) {
                    cells.add(paired);
                    accA += mean(paired.a());
                    accB += mean(paired.b());
                }
            }
            long expected = t.cells().stream().filter(c -> endpoint.matches(c, window)).count();
            if (cells.size() < expected) {
                // a unit missing cells would average a different set: left out, and said so
                LOG.warn("endpoint '{}': {} left out, it has {} of the {} cells", endpoint.name(), e.getKey().label(),
                        cells.size(), expected);
            } else if (!cells.isEmpty()) {
                units.add(new PairedUnit(e.getKey().base(), e.getKey().seed(), cells));
                sumA += accA / cells.size();
                sumB += accB / cells.size();
            }
        }
        if (units.isEmpty()) {
            return null;
        }
        SplittableRandom rng = new SplittableRandom(endpoint.name().hashCode());
        Interval difference = HierarchicalBootstrap.interval(units, RESAMPLES, rng);
        BaseMeansTest.Result test = BaseMeansTest.of(units);
        VarianceComponents components = VarianceComponents.of(units);
        int bases = test.bases();
        int seeds = Math.max(1, Math.round((float) units.size() / bases));
        PowerAnalysis power = new PowerAnalysis(ALPHA / family, 0.8);
        List<EndpointResult.BaseEstimate> perBase = new ArrayList<>();
        Map<String, List<PairedUnit>> grouped = new LinkedHashMap<>();
        units.forEach(u -> grouped.computeIfAbsent(u.base(), k -> new ArrayList<>()).add(u));
        grouped.forEach((base, list) -> perBase.add(new EndpointResult.BaseEstimate(base, list.size(),
                HierarchicalBootstrap.interval(list, RESAMPLES, new SplittableRandom((endpoint.name() + base).hashCode())))));
        return new EndpointResult(endpoint, armA, armB, bases, units.size(), sumA / units.size(), sumB / units.size(),
                difference, test.pValue(), test.signFlipP(), Double.NaN, components,
                power.minimumDetectableEffect(components, bases, seeds), power.basesFor(TARGET_EFFECT, components, seeds),
                perBase);
    }

    /** The two runs' outcomes in a cell, matched by sample index, else their accuracies; null when either lacks the cell. */
    private static PairedCell paired(StudyRun a, StudyRun b, Dimensions cell, String metric) {
        PairedCell matched = ComparisonTable.matchedOutcomes(a, b, cell);
        if (matched != null) {
            return matched;
        }
        var accA = ComparisonTable.accuracy(a, cell, metric);
        var accB = ComparisonTable.accuracy(b, cell, metric);
        return accA.isEmpty() || accB.isEmpty() ? null : new PairedCell(new double[] {accA.get()}, new double[] {accB.get()});
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
