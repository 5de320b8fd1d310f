package org.creamlab.experiments.study;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.creamlab.experiment.RunParams;
import org.junit.jupiter.api.Test;

/** Sweep points that cannot work are refused before any compute, naming the reason. */
class ExtensionPlanCheckTest {

    private static RunParams params(String method, int factor, String k) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("window", "128");
        p.put("factor", Integer.toString(factor));
        p.put("method", method);
        if (k != null) {
            p.put("k", k);
        }
        return new RunParams(p);
    }

    @Test
    void theStudysDefaultsPass() {
        for (String method : new String[] {"none", "cream", "pose", "randpos", "full"}) {
            assertDoesNotThrow(() -> new ExtensionPlanCheck().check(params(method, 8, null)), method);
        }
        assertDoesNotThrow(() -> new ExtensionPlanCheck().check(params("cream", 4, "4f")));
    }

    @Test
    void aContinuityLengthThatLeavesNoMiddleIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ExtensionPlanCheck().check(params("cream", 8, "64")));
        assertTrue(e.getMessage().startsWith("k (continuity head/tail length, 64) = 64"), e.getMessage());
    }

    @Test
    void numberBlocksThatCannotNumberASpanningLinesRecordAreRefused() {
        assertDoesNotThrow(() -> new ExtensionPlanCheck().check(
                with(params("full", 8, null), Map.of("fullSpanLinesBlocks", "8"))));
        var e = assertThrows(IllegalArgumentException.class, () -> new ExtensionPlanCheck().check(
                with(params("full", 8, null), Map.of("fullSpanLinesBlocks", "1"))));
        assertTrue(e.getMessage().startsWith("setting 'fullSpanLinesBlocks': 1 blocks cannot number a LongChat-Lines "
                + "record of L = 1024 tokens"), e.getMessage());
        assertDoesNotThrow(() -> new ExtensionPlanCheck().check(
                with(params("cream", 8, null), Map.of("fullSpanLinesBlocks", "1"))), "only the bound's rows span");
    }

    @Test
    void aYarnBandIsAcceptedForYarnAndRefusedForAScalingWithoutOne() {
        RunParams yarn = with(params("full", 8, null), Map.of("scaling", "yarn-original", "yarnBetaSlow", "4"));
        assertDoesNotThrow(() -> new ExtensionPlanCheck().check(yarn));
        RunParams linear = with(params("full", 8, null), Map.of("scaling", "linear", "yarnBetaSlow", "4"));
        var e = assertThrows(IllegalArgumentException.class, () -> new ExtensionPlanCheck().check(linear));
        assertTrue(e.getMessage().contains("apply to the yarn and yarn-original scalings only, not to 'linear'"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("reset the band to the default: -Dp.yarnBetaFast=32.0 -Dp.yarnBetaSlow=1.0"),
                e.getMessage());
        RunParams linearDefault = with(params("full", 8, null),
                Map.of("scaling", "linear", "yarnBetaFast", "32", "yarnBetaSlow", "1"));
        assertDoesNotThrow(() -> new ExtensionPlanCheck().check(linearDefault));
    }

    @Test
    void anAttentionFactorIsAutoOrAPositiveNumber() {
        for (String ok : new String[] {"auto", "1.2079", "1"}) {
            assertDoesNotThrow(() -> new ExtensionPlanCheck().check(
                    with(params("full", 8, null), Map.of("scaling", "linear", "attentionFactor", ok))), ok);
        }
        for (String bad : new String[] {"sharp", "0", "-1", "Infinity"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> new ExtensionPlanCheck().check(
                    with(params("full", 8, null), Map.of("scaling", "linear", "attentionFactor", bad))), bad);
            assertTrue(e.getMessage().equals("attentionFactor must be 'auto' or a number > 0, got '" + bad + "'"),
                    e.getMessage());
        }
    }

    private static RunParams with(RunParams base, Map<String, String> more) {
        Map<String, String> p = new LinkedHashMap<>(base.values());
        p.putAll(more);
        return new RunParams(p);
    }

    @Test
    void anEvaluationTheVocabularyCannotFillIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ExtensionPlanCheck().check(params("full", 16, null)));
        assertTrue(e.getMessage().startsWith("the evaluation at L = 2048 (window 128, factor 16) cannot be generated"),
                e.getMessage());
    }
}
