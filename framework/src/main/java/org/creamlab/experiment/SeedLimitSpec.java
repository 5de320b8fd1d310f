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

    /** Whether a sweep point with these parameter values is limited. */
    public boolean applies(Map<String, String> point) {
        return value.equals(point.get(param));
    }
}
