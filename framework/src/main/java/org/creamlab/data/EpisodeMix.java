package org.creamlab.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * How often each kind of episode occurs in an {@code episodes} document: the four tasks of
 * {@link Tasks#ALL} and gapped copies, by relative weight (setting {@code mix}, e.g.
 * {@code kv=3+lines=2}: {@code +} because a comma separates sweep values; kinds not named weigh 1). The even mix draws exactly as the generator always did.
 *
 * @param weights one weight per kind: the tasks in {@link Tasks#ALL} order, then {@code copy}
 */
public record EpisodeMix(double[] weights) {

    /** The kinds in weight order. */
    public static final String COPY = "copy";

    public EpisodeMix {
        if (weights.length != Tasks.ALL.size() + 1) {
            throw new IllegalArgumentException("setting 'mix': one weight per task and copy");
        }
        weights = weights.clone();
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("setting 'mix': weights must be finite and >= 0, got " + Arrays.toString(weights));
            }
        }
        double tasks = 0;
        for (int i = 0; i < Tasks.ALL.size(); i++) {
            tasks += weights[i];
        }
        if (tasks <= 0) {
            throw new IllegalArgumentException("setting 'mix': at least one task needs a weight above 0");
        }
    }

    /** Every kind equally often. */
    public static EpisodeMix even() {
        double[] w = new double[Tasks.ALL.size() + 1];
        Arrays.fill(w, 1.0);
        return new EpisodeMix(w);
    }

    /**
     * Parses {@code even} or a {@code +}-separated list of {@code kind=weight} ({@code lines}, {@code kv},
     * {@code needle}, {@code passkey}, {@code copy}); kinds not named weigh 1.
     */
    public static EpisodeMix parse(String text) {
        if (text.isBlank() || text.trim().equals("even")) {
            return even();
        }
        double[] w = even().weights();
        for (String part : text.split("\\+")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("setting 'mix': expected kind=weight, got '" + part.trim() + "'");
            }
            int i = index(kv[0].trim().toLowerCase(Locale.ROOT));
            try {
                w[i] = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting 'mix': weight of " + kv[0].trim() + " is not a number: '" + kv[1].trim() + "'");
            }
        }
        return new EpisodeMix(w);
    }

    private static int index(String kind) {
        if (kind.equals(COPY)) {
            return Tasks.ALL.size();
        }
        int i = Tasks.ALL.indexOf(kind);
        if (i < 0) {
            throw new IllegalArgumentException("setting 'mix': unknown kind '" + kind + "' (" + String.join(", ", Tasks.ALL)
                    + ", copy)");
        }
        return i;
    }

    /** Whether every kind weighs the same. */
    public boolean isEven() {
        return Arrays.stream(weights).allMatch(w -> w == weights[0]);
    }

    /**
     * Draws a kind index: a task of {@link Tasks#ALL} or {@code Tasks.ALL.size()} for a copy (only
     * when {@code withCopy}). The even mix uses one {@code nextInt}, as the generator always did.
     */
    int draw(RandomGenerator rng, boolean withCopy) {
        int kinds = Tasks.ALL.size() + (withCopy ? 1 : 0);
        if (isEven()) {
            return rng.nextInt(kinds);
        }
        double total = 0;
        for (int i = 0; i < kinds; i++) {
            total += weights[i];
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < kinds; i++) {
            u -= weights[i];
            if (u < 0 && weights[i] > 0) {
                return i;
            }
        }
        for (int i = kinds - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalStateException("no kind has a weight");
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EpisodeMix m && Arrays.equals(weights, m.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        if (isEven()) {
            return "even";
        }
        Map<String, Double> named = new LinkedHashMap<>();
        for (int i = 0; i < Tasks.ALL.size(); i++) {
            named.put(Tasks.ALL.get(i), weights[i]);
        }
        named.put(COPY, weights[Tasks.ALL.size()]);
        return named.toString();
    }
}
