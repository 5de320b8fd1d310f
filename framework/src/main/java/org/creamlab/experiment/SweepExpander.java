package org.creamlab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expands an experiment into its runs: the cartesian product of the parameter lists (last
 * parameter varies fastest, like JMH) times the seeds. Lists resolve command line, else
 * annotation; every value is validated here, before any compute. A {@link SeedLimit} gives the
 * points it matches only the first seeds; a {@link SkipPoint} leaves the points it matches out.
 */
public final class SweepExpander {

    private static final Logger LOG = LoggerFactory.getLogger(SweepExpander.class);

    private SweepExpander() {}

    /**
     * @throws InvalidParameterException for an unknown parameter name or a value its declaration rejects
     */
    public static List<RunPlan> expand(ExperimentDescriptor experiment, SweepOverrides overrides) {
        for (String name : overrides.params().keySet()) {
            if (experiment.param(name).isEmpty()) {
                throw new InvalidParameterException("experiment '" + experiment.name() + "' has no parameter '" + name
                        + "'; its parameters: " + experiment.params().stream().map(ParamSpec::name).toList());
            }
        }
        List<List<String>> axes = new ArrayList<>();
        for (ParamSpec spec : experiment.params()) {
            List<String> values = overrides.params().getOrDefault(spec.name(), spec.defaults());
            if (values.isEmpty()) {
                throw new InvalidParameterException("experiment '" + experiment.name() + "', parameter '" + spec.name()
                        + "': empty value list; allowed: " + spec.describeAllowed());
            }
            for (String v : values) {
                spec.validate(experiment.name(), v);
            }
            axes.add(values);
        }
        List<Long> seeds = overrides.seeds().orElse(experiment.seeds());
        List<RunPlan> plans = new ArrayList<>();
        for (Map<String, String> point : product(experiment.params(), axes)) {
            if (experiment.skips().stream().anyMatch(k -> k.applies(point))) {
                continue;
            }
            int limit = experiment.seedLimits().stream().filter(l -> l.applies(point))
                    .mapToInt(SeedLimitSpec::seeds).min().orElse(seeds.size());
            if (limit < seeds.size() && overrides.seeds().isPresent()) {   // asked for on the command line
                LOG.warn("experiment '{}': @SeedLimit runs {} on seed(s) {} only; left out: {}", experiment.name(),
                        point, seeds.subList(0, limit), seeds.subList(limit, seeds.size()));
            }
            for (long seed : seeds.subList(0, Math.min(limit, seeds.size()))) {
                plans.add(new RunPlan(experiment, new RunParams(point), seed));
            }
        }
        return plans;
    }

    private static List<Map<String, String>> product(List<ParamSpec> specs, List<List<String>> axes) {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (int i = 0; i < specs.size(); i++) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : points) {
                for (String v : axes.get(i)) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(specs.get(i).name(), v);
                    next.add(m);
                }
            }
            points = next;
        }
        return points;
    }
}
