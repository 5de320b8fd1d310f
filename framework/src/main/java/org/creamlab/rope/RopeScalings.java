package org.creamlab.rope;

import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The RoPE scalings known by name (see {@link StandardRopeScalings}, plus any added to the
 * {@link RopeModule} map binding). Unknown names fail with a message naming the {@code rope}
 * setting and listing the known names.
 */
public final class RopeScalings {

    private final Map<String, RopeScalingFactory> factories;

    /** @param factories factories by name; each key must equal its factory's name */
    @Inject
    public RopeScalings(Map<String, RopeScalingFactory> factories) {
        Map<String, RopeScalingFactory> sorted = new TreeMap<>();
        factories.forEach((name, factory) -> {
            if (!name.equals(factory.name())) {
                throw new IllegalArgumentException("factory bound as '" + name + "' is named '" + factory.name() + "'");
            }
            sorted.put(name, factory);
        });
        this.factories = Collections.unmodifiableMap(sorted);
    }

    /** The built-in scalings, without Guice. */
    public static RopeScalings standard() {
        Map<String, RopeScalingFactory> map = new TreeMap<>();
        for (RopeScalingFactory factory : StandardRopeScalings.factories()) {
            map.put(factory.name(), factory);
        }
        return new RopeScalings(map);
    }

    /** Known names, sorted. */
    public Set<String> names() {
        return factories.keySet();
    }

    /** The factory for {@code name}. */
    public RopeScalingFactory factory(String name) {
        RopeScalingFactory factory = name == null ? null : factories.get(name.trim());
        if (factory == null) {
            throw new IllegalArgumentException("unknown rope scaling '" + name + "' (setting rope); known: " + names());
        }
        return factory;
    }

    /** Builds the scaling {@code name} for factor {@code s} and pre-trained window {@code N}. */
    public RopeScaling create(String name, double factor, int originalWindow) {
        return factory(name).create(factor, originalWindow);
    }
}
