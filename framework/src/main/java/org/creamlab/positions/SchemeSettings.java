package org.creamlab.positions;

import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Scheme options as text, the way experiment parameters and command-line flags arrive
 * ({@code sigma=3}, {@code middle=uniform-r}). Each scheme's options record reads the names it
 * knows through the typed getters, which fail with a message naming the setting; an absent name
 * yields the default.
 *
 * <p>Choice values are the enum constant names in lower case with {@code -} for {@code _}
 * ({@code UNIFORM_R} is written {@code uniform-r}).
 */
public final class SchemeSettings {

    private final Map<String, String> values;

    private SchemeSettings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Settings holding exactly these name/value pairs. */
    public static SchemeSettings of(Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
                throw new IllegalArgumentException("setting names and values must be non-null and names non-blank");
            }
        }
        return new SchemeSettings(values);
    }

    /** No settings: every scheme uses its defaults. */
    public static SchemeSettings empty() {
        return new SchemeSettings(Map.of());
    }

    /** The names present. */
    public Set<String> names() {
        return values.keySet();
    }

    /** The raw name/value pairs, sorted by name. */
    public Map<String, String> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public double getDouble(String name, double defaultValue) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + " must be a number, got '" + raw + "'", e);
        }
    }

    public int getInt(String name, int defaultValue) {
        OptionalInt value = getOptionalInt(name);
        return value.isPresent() ? value.getAsInt() : defaultValue;
    }

    public OptionalInt getOptionalInt(String name) {
        String raw = values.get(name);
        if (raw == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(raw.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + " must be an integer, got '" + raw + "'", e);
        }
    }

    public boolean getBoolean(String name, boolean defaultValue) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException("setting " + name + " must be true or false, got '" + raw + "'");
        }
    }

    /** Reads an enum constant written as {@link #choiceName(Enum)}. */
    public <E extends Enum<E>> E getChoice(String name, Class<E> type, E defaultValue) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (choiceName(constant).equals(raw.trim().toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(SchemeSettings::choiceName)
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("setting " + name + " must be one of [" + allowed + "], got '" + raw + "'");
    }

    /** The text form of an enum choice: lower case, {@code -} for {@code _}. */
    public static String choiceName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Fails if any present name is not in {@code known}.
     *
     * @param context who is asking, for the message (e.g. {@code scheme pose})
     */
    public void requireOnly(Set<String> known, String context) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setting(s) " + unknown + " for " + context
                    + "; known settings: " + new TreeSet<>(known));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemeSettings other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
