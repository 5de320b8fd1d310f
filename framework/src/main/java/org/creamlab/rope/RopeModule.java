package org.creamlab.rope;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;

/**
 * Binds the built-in {@link RopeScalingFactory}s in a {@code MapBinder<String,
 * RopeScalingFactory>} keyed by name; inject {@link RopeScalings} to look them up. No side effects
 * beyond bindings.
 */
public final class RopeModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, RopeScalingFactory> scalings =
                MapBinder.newMapBinder(binder(), String.class, RopeScalingFactory.class);
        for (RopeScalingFactory factory : StandardRopeScalings.factories()) {
            scalings.addBinding(factory.name()).toInstance(factory);
        }
    }
}
