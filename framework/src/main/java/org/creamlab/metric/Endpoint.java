package org.creamlab.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A primary endpoint as a value: the unweighted mean of a per-cell accuracy over the cells of one
 * task, optionally only lengths beyond the pre-trained window N and only some gold positions.
 * Written to and read from the store as one line ({@link #line()}, {@link #parse}).
 *
 * @param name a short name, e.g. {@code lines beyond N}; no {@code ;} or line break
 * @param task the evaluation task
 * @param beyondWindow only cells whose length exceeds N
 * @param positions only cells at these gold positions (fractions); empty: any cell of the task
 */
public record Endpoint(String name, String task, boolean beyondWindow, List<Double> positions) {

    public Endpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        if (name.isBlank() || name.contains(";") || name.contains("\n") || task.contains(";")) {
            throw new IllegalArgumentException("endpoint name and task must be non-blank, without ';' or line breaks: "
                    + name + " / " + task);
        }
        positions = List.copyOf(positions);
    }

    /** From a {@code @PrimaryEndpoint}-like declaration. */
    public static Endpoint of(String name, String task, boolean beyondWindow, double[] positions) {
        List<Double> p = new ArrayList<>();
        for (double v : positions) {
            p.add(v);
        }
        return new Endpoint(name, task, beyondWindow, p);
    }

    /** Whether a cell of a run with pre-trained window {@code window} belongs to this endpoint. */
    public boolean matches(Dimensions cell, int window) {
        if (!task.equals(cell.task())) {
            return false;
        }
        if (beyondWindow && (cell.length() == null || cell.length() <= window)) {
            return false;
        }
        if (!positions.isEmpty()) {
            Double p = cell.position();
            return p != null && positions.stream().anyMatch(q -> Math.abs(q - p) < 1e-9);
        }
        return true;
    }

    /** E.g. {@code kv middle: mean accuracy over kv cells at gold positions 25%, 50%, 75%}. */
    public String describe() {
        StringBuilder s = new StringBuilder(name).append(": mean accuracy over ").append(task).append(" cells");
        if (beyondWindow) {
            s.append(" longer than N");
        }
        if (!positions.isEmpty()) {
            s.append(" at gold positions ");
            for (int i = 0; i < positions.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f%%", 100 * positions.get(i)));
            }
        } else if (!beyondWindow) {
            s.append(" (every length and depth)");
        }
        return s.toString();
    }

    /** The store's one-line form: {@code name;task;beyondWindow;p1,p2}. */
    public String line() {
        StringBuilder s = new StringBuilder(name).append(';').append(task).append(';').append(beyondWindow).append(';');
        for (int i = 0; i < positions.size(); i++) {
            s.append(i == 0 ? "" : ",").append(positions.get(i));
        }
        return s.toString();
    }

    /** Reads {@link #line()}. */
    public static Endpoint parse(String line) {
        String[] f = line.split(";", -1);
        if (f.length != 4) {
            throw new IllegalArgumentException("not an endpoint line (name;task;beyondWindow;positions): " + line);
        }
        List<Double> p = new ArrayList<>();
        for (String v : f[3].split(",")) {
            if (!v.isBlank()) {
                p.add(Double.parseDouble(v.trim()));
            }
        }
        return new Endpoint(f[0], f[1], Boolean.parseBoolean(f[2]), p);
    }

    /** Several endpoints, one line each. */
    public static String lines(List<Endpoint> endpoints) {
        StringBuilder s = new StringBuilder();
        endpoints.forEach(e -> s.append(e.line()).append('\n'));
        return s.toString();
    }

    /** Reads {@link #lines}. */
    public static List<Endpoint> parseLines(String text) {
        List<Endpoint> out = new ArrayList<>();
        if (text != null) {
            text.lines().filter(l -> !l.isBlank()).forEach(l -> out.add(parse(l)));
        }
        return List.copyOf(out);
    }
}
