package org.creamlab.positions.cream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.creamlab.positions.SchemeSettings;
import org.creamlab.positions.WindowExtension;
import org.junit.jupiter.api.Test;

class ContinuityLengthTest {

    @Test
    void windowFractionIsThePapersThirtyTwoOf4096() {
        ContinuityLength k = ContinuityLength.windowFraction();
        assertEquals(32, k.resolve(new WindowExtension(4096, 8)), "the code's 4f at the paper's scale");
        assertEquals(1, k.resolve(new WindowExtension(128, 8)));
        assertEquals(1, k.resolve(new WindowExtension(32, 8)), "at least one token");
        assertEquals(8, k.resolve(new WindowExtension(1024, 16)));
    }

    @Test
    void fourFIsTheCodesRule() {
        assertEquals(32, ContinuityLength.fourF().resolve(new WindowExtension(128, 8)));
        assertEquals(64, ContinuityLength.fourF().resolve(new WindowExtension(128, 16)));
    }

    @Test
    void settingValuesParseAndRoundTrip() {
        for (String v : new String[] {"n/128", "4f", "7"}) {
            assertEquals(v, ContinuityLength.parse(v).toString());
        }
        assertEquals(ContinuityLength.windowFraction(), CreamOptions.defaults().continuityLength(), "the default");
        assertEquals(ContinuityLength.fourF(), CreamOptions.from(SchemeSettings.of(Map.of("k", "4f"))).continuityLength());
        assertThrows(IllegalArgumentException.class, () -> ContinuityLength.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> ContinuityLength.parse("n/64"));
    }

    @Test
    void theDefaultSchemeAtTheStudysScaleHasAOneTokenHead() {
        CreamScheme scheme = new CreamScheme(new WindowExtension(128, 8));
        assertEquals(1, scheme.headLength(CreamVariant.CONTINUITY));
        assertEquals(42, scheme.headLength(CreamVariant.RELATIVITY));
    }
}
