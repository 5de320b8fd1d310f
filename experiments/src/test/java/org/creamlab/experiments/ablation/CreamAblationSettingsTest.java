package org.creamlab.experiments.ablation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.creamlab.positions.PositionSample;
import org.creamlab.positions.PositionScheme;
import org.creamlab.positions.PositionSchemes;
import org.creamlab.positions.WindowExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreamAblationSettingsTest {

    private static final WindowExtension EXTENSION = new WindowExtension(128, 8);

    private static PositionScheme cream(String variant) {
        return PositionSchemes.standard().create("cream", EXTENSION, CreamAblationExperiment.settings(variant));
    }

    @Test
    void continuityOnlyAndRelativityOnlyFixTheHeadLength() {
        for (int i = 0; i < 200; i++) {
            PositionSample c = cream("continuity-only").sample(1024, new SplittableRandom(i));
            PositionSample r = cream("relativity-only").sample(1024, new SplittableRandom(i));
            assertEquals(1, c.segments().get(0).length(), "continuity: head = k = N/128, at least 1");
            PositionSample code = cream("k-4f").sample(1024, new SplittableRandom(i));
            assertEquals(code.variant().equals("continuity") ? 4 * 8 : 128 / 3, code.segments().get(0).length(),
                    "k-4f: a continuity head is the code's 4f");
            assertEquals(128 / 3, r.segments().get(0).length(), "relativity: head = N/3");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"uniform-middle", "k-4f", "k-8", "sigma-2", "sigma-2.5", "sigma-3", "sigma-3.5", "sigma-4"})
    void everyArmIsAValidCreamSetting(String variant) {
        PositionSample s = cream(variant).sample(1024, new SplittableRandom(7));
        assertEquals(128, s.positionIds().length);
    }

    @Test
    void sigmaChangesTheDrawsOfTheMiddle() {
        long differing = 0;
        for (int i = 0; i < 100; i++) {
            int a = cream("sigma-2").sample(1024, new SplittableRandom(i)).draws().get("r");
            int b = cream("sigma-4").sample(1024, new SplittableRandom(i)).draws().get("r");
            differing += a != b ? 1 : 0;
        }
        assertNotEquals(0, differing, "sigma 2 and 4 must draw different r for some seeds");
    }
}
