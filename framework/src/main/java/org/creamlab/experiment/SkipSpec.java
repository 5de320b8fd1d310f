package org.creamlab.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A declared {@link SkipPoint} as a value.
 *
 * @param conditions parameter name to the value a skipped point has
 */
public record SkipSpec(Map<String, String> conditions) {

    public SkipSpec {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("@SkipPoint needs at least one name=value condition");
        }
        conditions = Map.copyOf(conditions);
    }

    /**
     * Parses a {@link SkipPoint} of {@code experiment} and checks it against the declared parameters.
     *
     * @throws IllegalArgumentException naming the experiment and the bad condition
     */
    static SkipSpec of(String experiment, SkipPoint skip, List<ParamSpec> params) {
        Map<String, String> conditions = new LinkedHashMap<>();
        for (String c : skip.value()) {
            int eq = c.indexOf('=');
            if (eq <= 0 || eq == c.length() - 1) {
                throw new IllegalArgumentException("experiment '" + experiment + "': @SkipPoint condition '" + c
                        + "' is not name=value");
            }
            String name = c.substring(0, eq).strip();
            String value = c.substring(eq + 1).strip();
            ParamSpec spec = params.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("experiment '" + experiment + "': @SkipPoint names parameter '"
                            + name + "', which it does not declare"));
            spec.validate(experiment, value);
            conditions.put(name, value);
        }
        return new SkipSpec(conditions);
    }

    /** Whether a sweep point with these parameter values is left out. */
    public boolean applies(Map<String, String> point) {
        return conditions.entrySet().stream().allMatch(e -> e.getValue().equals(point.get(e.getKey())));
    }
}
