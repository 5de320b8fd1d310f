package org.creamlab.positions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemeSettingsTest {

    enum Colour { DARK_RED, BLUE }

    private final SchemeSettings settings = SchemeSettings.of(Map.of("sigma", "2.5", "k", "16", "faithful", "true",
            "colour", "dark-red", "bad", "x"));

    @Test
    void readsTypedValuesAndDefaults() {
        assertEquals(2.5, settings.getDouble("sigma", 3.0));
        assertEquals(3.0, settings.getDouble("absent", 3.0));
        assertEquals(16, settings.getInt("k", 0));
        assertTrue(settings.getBoolean("faithful", false));
        assertEquals(Colour.DARK_RED, settings.getChoice("colour", Colour.class, Colour.BLUE));
    }

    @Test
    void malformedValuesNameTheSetting() {
        var number = assertThrows(IllegalArgumentException.class, () -> settings.getDouble("bad", 0));
        assertTrue(number.getMessage().contains("setting bad"), number.getMessage());
        var choice = assertThrows(IllegalArgumentException.class, () -> settings.getChoice("bad", Colour.class, null));
        assertTrue(choice.getMessage().contains("dark-red, blue"), choice.getMessage());
    }

    @Test
    void requireOnlyListsUnknownAndKnownNames() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> settings.requireOnly(Set.of("sigma", "k", "faithful", "colour"), "scheme cream"));
        assertTrue(e.getMessage().contains("[bad]") && e.getMessage().contains("scheme cream"), e.getMessage());
    }
}
