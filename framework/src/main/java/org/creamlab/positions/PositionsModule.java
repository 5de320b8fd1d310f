package org.creamlab.positions;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import java.util.List;
import org.creamlab.positions.cream.CreamSchemeFactory;
import org.creamlab.positions.pose.PoseSchemeFactory;

/**
 * Binds the built-in {@link PositionSchemeFactory}s in a {@code MapBinder<String,
 * PositionSchemeFactory>} keyed by name; inject {@link PositionSchemes} to look them up. Other
 * modules may add schemes with their own {@code MapBinder.newMapBinder} on the same types. No side
 * effects beyond bindings.
 */
public final class PositionsModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, PositionSchemeFactory> schemes =
                MapBinder.newMapBinder(binder(), String.class, PositionSchemeFactory.class);
        for (PositionSchemeFactory factory : standardFactories()) {
            schemes.addBinding(factory.name()).toInstance(factory);
        }
    }

    /** New instances of the built-in factories. */
    static List<PositionSchemeFactory> standardFactories() {
        return List.of(new CreamSchemeFactory(), new PoseSchemeFactory(), new RandPosSchemeFactory(),
                new ContiguousSchemeFactory(ContiguousScheme.Span.WINDOW),
                new ContiguousSchemeFactory(ContiguousScheme.Span.FULL));
    }
}
