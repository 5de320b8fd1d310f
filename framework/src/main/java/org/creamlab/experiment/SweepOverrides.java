package org.creamlab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Command-line replacements for parameter lists and seeds: {@code -Dp.NAME=v1,v2} and
 * {@code -Dseeds=1,2,3}. They take precedence over the annotations.
 *
 * @param params parameter name to replacement values
 * @param seeds replacement seeds, if given
 */
public record SweepOverrides(Map<String, List<String>> params, Optional<List<Long>> seeds) {

    public static final String PARAM_PREFIX = "p.";

    public SweepOverrides {
        params = Map.copyOf(params);
    }

    public static SweepOverrides none() {
        return new SweepOverrides(Map.of(), Optional.empty());
    }

    /** Reads {@code p.*} and {@code seeds} from properties; blank values are ignored. */
    public static SweepOverrides from(Properties properties) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            if (key.startsWith(PARAM_PREFIX) && key.length() > PARAM_PREFIX.length() && !value.isBlank()) {
                params.put(key.substring(PARAM_PREFIX.length()), split(value));
            }
        }
        String seedText = properties.getProperty("seeds", "");
        Optional<List<Long>> seeds = Optional.empty();
        if (!seedText.isBlank()) {
            List<Long> parsed = new ArrayList<>();
            for (String s : split(seedText)) {
                try {
                    parsed.add(Long.parseLong(s));
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException("setting 'seeds': '" + s + "' is not an integer; allowed: a comma list of integers");
                }
            }
            seeds = Optional.of(List.copyOf(parsed));
        }
        return new SweepOverrides(params, seeds);
    }

    static List<String> split(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
