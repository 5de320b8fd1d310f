package org.creamlab.positions;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The position schemes known by name: {@code cream}, {@code pose}, {@code randpos},
 * {@code contiguous}, {@code full}, plus whatever other modules add to the
 * {@link PositionsModule} map binding. Lookups of unknown names fail with a message that names the
 * {@code scheme} setting and lists the known names.
 */
public final class PositionSchemes {

    private final Map<String, PositionSchemeFactory> factories;

    /**
     * @param factories factories by name; each key must equal its factory's {@link PositionSchemeFactory#name()}
     */
    @Inject
    public PositionSchemes(Map<String, PositionSchemeFactory> factories) {
        Map<String, PositionSchemeFactory> sorted = new TreeMap<>();
        factories.forEach((name, factory) -> {
            if (!name.equals(factory.name())) {
                throw new IllegalArgumentException("factory bound as '" + name + "' is named '" + factory.name() + "'");
            }
            sorted.put(name, factory);
        });
        this.factories = Collections.unmodifiableMap(sorted);
    }

    /** The built-in schemes, without Guice. */
    public static PositionSchemes standard() {
        Map<String, PositionSchemeFactory> map = new TreeMap<>();
        for (PositionSchemeFactory factory : PositionsModule.standardFactories()) {
            map.put(factory.name(), factory);
        }
        return new PositionSchemes(map);
    }

    /** Known names, sorted. */
    public Set<String> names() {
        return factories.keySet();
    }

    /** The factory for {@code name}. */
    public PositionSchemeFactory factory(String name) {
        PositionSchemeFactory factory = name == null ? null : factories.get(name.trim());
        if (factory == null) {
            throw new IllegalArgumentException("unknown position scheme '" + name + "' (setting scheme); known: " + names());
        }
        return factory;
    }

    /** Builds the scheme {@code name} for {@code extension} from {@code settings}. */
    public PositionScheme create(String name, WindowExtension extension, SchemeSettings settings) {
        return factory(name).create(extension, settings);
    }

    /**
     * Splits a comma-separated parameter value such as {@code cream,pose} into known names, in order.
     *
     * @throws IllegalArgumentException for an empty list, a duplicate or an unknown name
     */
    public List<String> parseNames(String commaSeparated) {
        List<String> names = new ArrayList<>();
        for (String part : (commaSeparated == null ? "" : commaSeparated).split(",", -1)) {
            String name = factory(part).name();
            if (names.contains(name)) {
                throw new IllegalArgumentException("position scheme '" + name + "' is listed twice (setting scheme)");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }
}
