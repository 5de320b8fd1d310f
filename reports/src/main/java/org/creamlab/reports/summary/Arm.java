package org.creamlab.reports.summary;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A compared configuration: the values of the parameters that differ between an experiment's
 * runs (seeds pooled). For the study that is usually just {@code method}.
 *
 * @param values varying parameter values by name, sorted
 */
public record Arm(Map<String, String> values) implements Comparable<Arm> {

    /** Display order of the study's methods; others follow alphabetically. */
    private static final List<String> METHOD_ORDER = List.of("cream", "pose", "randpos", "full", "none");

    public Arm {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The arm of {@code run} given the varying parameter names. */
    public static Arm of(StudyRun run, List<String> varying) {
        Map<String, String> v = new TreeMap<>();
        for (String name : varying) {
            v.put(name, run.param(name, "-"));
        }
        return new Arm(v);
    }

    /** The {@code method} parameter, or null. */
    public String method() {
        return values.get("method");
    }

    /** This arm with another method and everything else equal. */
    public Arm withMethod(String method) {
        Map<String, String> v = new TreeMap<>(values);
        v.put("method", method);
        return new Arm(v);
    }

    /** {@code CREAM}, {@code PoSE, scaling=yarn}, or {@code all runs} for an arm with no varying parameter. */
    public String label() {
        StringBuilder s = new StringBuilder();
        String method = method();
        if (method != null) {
            s.append(displayMethod(method));
        }
        values.forEach((k, v) -> {
            if (!k.equals("method")) {
                s.append(s.length() == 0 ? "" : ", ").append(k).append('=').append(v);
            }
        });
        return s.length() == 0 ? "all runs" : s.toString();
    }

    /** The paper's names: CREAM, PoSE, RandPos, full-length, no fine-tuning. */
    public static String displayMethod(String method) {
        return switch (method) {
            case "cream" -> "CREAM";
            case "pose" -> "PoSE";
            case "randpos" -> "RandPos";
            case "full" -> "full-length";
            case "none" -> "no fine-tuning";
            default -> method;
        };
    }

    @Override
    public int compareTo(Arm other) {
        int a = rank(method());
        int b = rank(other.method());
        if (a != b) {
            return Integer.compare(a, b);
        }
        return values.toString().compareTo(other.values.toString());
    }

    private static int rank(String method) {
        int i = method == null ? -1 : METHOD_ORDER.indexOf(method);
        return i < 0 ? METHOD_ORDER.size() : i;
    }
}
