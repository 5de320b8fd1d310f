package org.creamlab.reports.summary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Splits an experiment's parameters into those equal across all its runs (shown once, in a header)
 * and those that differ (shown per run or per arm). A parameter missing from some run counts as
 * differing. Seeds are handled the same way: {@link #seeds()} lists them all. The base
 * ({@link Unit#BASE_PARAM}) is, like the seed, a replication factor: when it differs between runs it
 * is listed in {@link #bases()}, not among the parameters that define an arm.
 *
 * @param common parameters with one value in every run, sorted by name
 * @param varying names of the parameters that differ, sorted (never the base)
 * @param seeds the distinct seeds, ascending
 * @param bases the distinct bases when they differ, ascending; empty when all runs share one
 */
public record CommonSettings(Map<String, String> common, List<String> varying, List<Long> seeds, List<String> bases) {

    public CommonSettings {
        common = java.util.Collections.unmodifiableMap(new TreeMap<>(common));
        varying = List.copyOf(varying);
        seeds = List.copyOf(seeds);
        bases = List.copyOf(bases);
    }

    /** The split for these runs (none: everything empty). */
    public static CommonSettings of(Collection<StudyRun> runs) {
        Set<String> names = new TreeSet<>();
        runs.forEach(r -> names.addAll(r.params().keySet()));
        Map<String, String> common = new TreeMap<>();
        List<String> varying = new ArrayList<>();
        for (String name : names) {
            Set<String> values = new HashSet<>();
            boolean missing = false;
            for (StudyRun r : runs) {
                String v = r.params().get(name);
                if (v == null) {
                    missing = true;
                } else {
                    values.add(v);
                }
            }
            if (!missing && values.size() == 1) {
                common.put(name, values.iterator().next());
            } else if (!name.equals(Unit.BASE_PARAM)) {
                varying.add(name);
            }
        }
        List<Long> seeds = runs.stream().map(StudyRun::seed).distinct().sorted().toList();
        List<String> bases = common.containsKey(Unit.BASE_PARAM) ? List.of()
                : runs.stream().map(r -> new Unit(r.param(Unit.BASE_PARAM, "-"), 0)).distinct().sorted()
                        .map(Unit::base).toList();
        return new CommonSettings(common, varying, seeds, bases);
    }

    /** {@code a=1, b=2}: the common parameters as one line ({@code (none)} when empty). */
    public String headerLine() {
        if (common.isEmpty()) {
            return "(none)";
        }
        StringBuilder s = new StringBuilder();
        common.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return s.toString();
    }
}
