package org.creamlab.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parameter values of one run, in declaration order, already validated.
 *
 * @param values name to value text
 */
public record RunParams(Map<String, String> values) {

    public RunParams {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String get(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; parameters: " + values.keySet());
        }
        return v;
    }

    public int getInt(String name) {
        return Integer.parseInt(get(name).trim());
    }

    public long getLong(String name) {
        return Long.parseLong(get(name).trim());
    }

    public double getDouble(String name) {
        return Double.parseDouble(get(name).trim());
    }

    public boolean getBoolean(String name) {
        return Boolean.parseBoolean(get(name).trim().toLowerCase(Locale.ROOT));
    }

    /** {@code a=1, b=x} in declaration order; stable, so it identifies a sweep point. */
    public String canonical() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
