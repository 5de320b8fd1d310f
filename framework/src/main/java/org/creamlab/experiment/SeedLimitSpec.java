package org.creamlab.experiment;

import java.util.Map;

/**
 * A declared {@link SeedLimit} as a value.
 *
 * @param param the parameter
 * @param value its value the limit applies to
 * @param seeds how many of the seeds in effect (the first ones) such points run, at least 1
 */
public record SeedLimitSpec(String param, String value, int seeds) {

    public SeedLimitSpec {
        if (seeds < 1) {
            throw new IllegalArgumentException("@SeedLimit(" + param + "=" + value + "): seeds must be >= 1, got " + seeds);
        }
    }

    static SeedLimitSpec of(SeedLimit s) {
        return new SeedLimitSpec(s.param(), s.value(), s.seeds());
    }

    /**
     * Checks that every limit names a declared parameter.
     *
     * @throws IllegalArgumentException naming the experiment and the parameter
     */
    static void check(String experiment, java.util.List<SeedLimitSpec> limits, java.util.List<ParamSpec> params) {
        for (SeedLimitSpec limit : limits) {
            if (params.stream().noneMatch(p -> p.name().equals(limit.param()))) {
                throw new IllegalArgumentException("experiment '" + experiment + "': @SeedLimit names parameter '"
                        + limit.param() + "', which it does not declare");
            }
        }
    }

    /** Whether a sweep point with these parameter values is limited. */
    public boolean applies(Map<String, String> point) {
        return value.equals(point.get(param));
    }
}
