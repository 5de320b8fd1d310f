package org.creamlab.positions.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parsed command line of {@link PositionsCli}. Flags are {@code --name value} or
 * {@code --name=value}; a flag with no value (followed by another flag or nothing) means
 * {@code true}. Flags other than the fixed ones below are scheme settings (e.g. {@code --sigma 3}).
 *
 * @param schemes comma-separated scheme names ({@code --scheme}, default {@code cream})
 * @param window {@code --window}, the pre-trained window N (default 128)
 * @param factor {@code --factor}, f (default 8)
 * @param seed {@code --seed} (default 1)
 * @param count {@code --count}, samples printed per scheme (default 5)
 * @param documentLength {@code --document-length} in tokens; 0 means the target length L
 * @param tokens {@code --tokens}: also print each sample's token offsets
 * @param coverage {@code --coverage}: print a coverage summary per scheme
 * @param coverageSamples {@code --coverage-samples} (default 1000)
 * @param coverageBins {@code --coverage-bins} (default 10)
 * @param output {@code --output FILE}: write the JSON lines to this file instead of stdout; empty for stdout
 * @param list {@code --list}: print the known schemes and their settings, nothing else
 * @param help {@code --help}
 * @param settings the remaining flags, as scheme settings
 */
record CliArguments(String schemes, int window, int factor, long seed, int count, int documentLength,
        boolean tokens, boolean coverage, int coverageSamples, int coverageBins, String output, boolean list,
        boolean help, Map<String, String> settings) {

    static final Set<String> FIXED = Set.of("scheme", "window", "factor", "seed", "count", "document-length",
            "tokens", "coverage", "coverage-samples", "coverage-bins", "output", "list", "help");

    CliArguments {
        settings = Map.copyOf(settings);
    }

    /** @throws IllegalArgumentException naming the flag when the command line is malformed */
    static CliArguments parse(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("expected a flag like --scheme, got '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            if (flags.put(name, value) != null) {
                throw new IllegalArgumentException("flag --" + name + " is given twice");
            }
        }
        Map<String, String> settings = new LinkedHashMap<>(flags);
        settings.keySet().removeAll(FIXED);
        int count = intFlag(flags, "count", 5);
        int coverageSamples = intFlag(flags, "coverage-samples", 1000);
        int coverageBins = intFlag(flags, "coverage-bins", 10);
        int documentLength = intFlag(flags, "document-length", 0);
        if (count < 0) {
            throw new IllegalArgumentException("--count must be >= 0, got " + count);
        }
        if (coverageSamples < 1) {
            throw new IllegalArgumentException("--coverage-samples must be >= 1, got " + coverageSamples);
        }
        if (coverageBins < 1) {
            throw new IllegalArgumentException("--coverage-bins must be >= 1, got " + coverageBins);
        }
        if (flags.containsKey("document-length") && documentLength < 1) {
            throw new IllegalArgumentException("--document-length must be >= 1, got " + documentLength);
        }
        String output = flags.getOrDefault("output", "");
        if (output.equals("true") || output.isBlank() && flags.containsKey("output")) {
            throw new IllegalArgumentException("--output needs a file name");
        }
        return new CliArguments(flags.getOrDefault("scheme", "cream"), intFlag(flags, "window", 128),
                intFlag(flags, "factor", 8), longFlag(flags, "seed", 1), count, documentLength,
                boolFlag(flags, "tokens"), boolFlag(flags, "coverage"), coverageSamples, coverageBins, output,
                boolFlag(flags, "list"), boolFlag(flags, "help"), settings);
    }

    private static int intFlag(Map<String, String> flags, String name, int defaultValue) {
        String raw = flags.get(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + raw + "'", e);
        }
    }

    private static long longFlag(Map<String, String> flags, String name, long defaultValue) {
        String raw = flags.get(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + raw + "'", e);
        }
    }

    private static boolean boolFlag(Map<String, String> flags, String name) {
        String raw = flags.get(name);
        if (raw == null || raw.equals("true")) {
            return raw != null;
        }
        if (raw.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("--" + name + " takes no value (or true/false), got '" + raw + "'");
    }
}
