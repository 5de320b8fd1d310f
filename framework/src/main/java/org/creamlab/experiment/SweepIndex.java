package org.creamlab.experiment;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Addresses the points of a sweep by number. The expansion ({@link SweepExpander}) is deterministic,
 * so point {@code k} of an experiment is a pure function of the experiment, its parameter lists and
 * seeds after command-line overrides, and {@code k}: {@code -Dsweep.index=K} runs that point alone
 * (one Slurm array task per point), {@code -Dsweep.list} prints every point with its index.
 */
public final class SweepIndex {

    /** The property that selects one point. */
    public static final String INDEX = "sweep.index";
    /**
     * The property a Slurm task gets: the fingerprint of the sweep it was submitted from; a task whose
     * sweep has changed since (another checkout, another build) refuses to run its index.
     */
    public static final String FINGERPRINT = "sweep.fingerprint";
    /** The property that lists the points instead of running them. */
    public static final String LIST = "sweep.list";

    private SweepIndex() {}

    /**
     * The index {@code -Dsweep.index} asks for, if any.
     *
     * @throws InvalidParameterException when it is not a non-negative integer
     */
    public static OptionalInt from(Properties properties) {
        String text = properties.getProperty(INDEX, "").strip();
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int k = Integer.parseInt(text);
            if (k >= 0) {
                return OptionalInt.of(k);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException("setting '" + INDEX + "': '" + text + "' is not a point index (an integer >= 0)");
    }

    /**
     * A short digest of every point of a sweep, in order (experiment, canonical parameters, seed): the
     * same sweep has the same fingerprint on every machine and build.
     */
    public static String fingerprint(List<RunPlan> plans) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (RunPlan p : plans) {
                sha.update((p.historyKey() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks a task's sweep against the fingerprint it was submitted with ({@code -Dsweep.fingerprint}).
     *
     * @throws InvalidParameterException when they differ: the index would name another point
     */
    public static void checkFingerprint(Properties properties, String experiment, List<RunPlan> plans) {
        String expected = properties.getProperty(FINGERPRINT, "").strip();
        if (!expected.isEmpty() && !expected.equals(fingerprint(plans))) {
            throw new InvalidParameterException("setting '" + FINGERPRINT + "': the sweep of '" + experiment + "' has changed"
                    + " since it was submitted (fingerprint " + expected + ", now " + fingerprint(plans) + ": another build or"
                    + " checkout?); its index would name another point, so nothing runs. Submit again from this checkout.");
        }
    }

    /** True when {@code -Dsweep.list} asks to list the points. */
    public static boolean listRequested(Properties properties) {
        String v = properties.getProperty(LIST, "");
        return !v.isBlank() && !v.equalsIgnoreCase("false");
    }

    /**
     * Point {@code index} of {@code plans} (an experiment's whole expansion), as a one-element list.
     *
     * @throws InvalidParameterException when the sweep has no such point
     */
    public static List<RunPlan> select(String experiment, List<RunPlan> plans, int index) {
        if (index >= plans.size()) {
            throw new InvalidParameterException("setting '" + INDEX + "': " + index + " is out of range: experiment '"
                    + experiment + "' has " + plans.size() + " point" + (plans.size() == 1 ? "" : "s")
                    + " (0.." + (plans.size() - 1) + ") with these parameters and seeds; list them with -D" + LIST);
        }
        return List.of(plans.get(index));
    }

    /**
     * One line per point: its index, seed and the parameters that differ between points; the
     * parameters every point shares come first, on one line.
     */
    public static String describe(String experiment, List<RunPlan> plans) {
        StringBuilder out = new StringBuilder();
        out.append(experiment).append(": ").append(plans.size()).append(" point").append(plans.size() == 1 ? "" : "s")
                .append(" (run one with -D").append(INDEX).append("=K)\n");
        if (plans.isEmpty()) {
            return out.toString();
        }
        java.util.Map<String, String> first = plans.get(0).params().values();
        List<String> varying = first.keySet().stream()
                .filter(name -> plans.stream().anyMatch(p -> !first.get(name).equals(p.params().values().get(name))))
                .toList();
        String shared = first.entrySet().stream().filter(e -> !varying.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
        if (!shared.isEmpty()) {
            out.append("  every point: ").append(shared).append('\n');
        }
        int width = Integer.toString(Math.max(0, plans.size() - 1)).length();
        for (int k = 0; k < plans.size(); k++) {
            RunPlan p = plans.get(k);
            String own = varying.stream().map(name -> name + "=" + p.params().values().get(name))
                    .collect(java.util.stream.Collectors.joining(", "));
            out.append(String.format(Locale.ROOT, "  %" + width + "d  seed=%d", k, p.seed()))
                    .append(own.isEmpty() ? "" : "  " + own).append('\n');
        }
        return out.toString();
    }
}
