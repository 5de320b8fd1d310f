package org.creamlab.positions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.multibindings.MapBinder;
import java.util.List;
import java.util.Set;
import org.creamlab.positions.cream.CreamScheme;
import org.creamlab.positions.pose.PoseScheme;
import org.junit.jupiter.api.Test;

class PositionSchemesTest {

    /** A RandPos factory under another name, as a second module would add one. */
    record RenamedFactory(String name) implements PositionSchemeFactory {
        @Override
        public Set<String> settingNames() {
            return Set.of();
        }

        @Override
        public PositionScheme create(WindowExtension extension, SchemeSettings settings) {
            return new RandPosScheme(extension);
        }
    }

    private final WindowExtension extension = new WindowExtension(128, 8);

    @Test
    void knowsTheBuiltInSchemes() {
        assertEquals(Set.of("cream", "pose", "randpos", "contiguous", "full"), PositionSchemes.standard().names());
    }

    @Test
    void parsesACommaSeparatedParameter() {
        PositionSchemes schemes = PositionSchemes.standard();
        assertEquals(List.of("cream", "pose"), schemes.parseNames("cream,pose"));
        assertTrue(schemes.create("cream", extension, SchemeSettings.empty()) instanceof CreamScheme);
        assertTrue(schemes.create("pose", extension, SchemeSettings.empty()) instanceof PoseScheme);
    }

    @Test
    void unknownNamesNameTheSettingAndListTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> PositionSchemes.standard().parseNames("cream,PoSE"));
        assertTrue(e.getMessage().contains("'PoSE'") && e.getMessage().contains("setting scheme")
                && e.getMessage().contains("randpos"), e.getMessage());
    }

    @Test
    void duplicatesAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> PositionSchemes.standard().parseNames("pose,pose"));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void guiceModuleBindsTheSameRegistryAndOtherModulesCanAddSchemes() {
        PositionSchemes injected = Guice.createInjector(new PositionsModule()).getInstance(PositionSchemes.class);
        assertEquals(PositionSchemes.standard().names(), injected.names());

        PositionSchemes extended = Guice.createInjector(new PositionsModule(), new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, PositionSchemeFactory.class)
                        .addBinding("randpos-copy").toInstance(new RenamedFactory("randpos-copy"));
            }
        }).getInstance(PositionSchemes.class);
        assertTrue(extended.names().contains("randpos-copy"), extended.names().toString());
    }
}
