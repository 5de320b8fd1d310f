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
    void anEvaluationTheVocabularyCannotFillIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ExtensionPlanCheck().check(params("full", 16, null)));
        assertTrue(e.getMessage().startsWith("the evaluation at L = 2048 (window 128, factor 16) cannot be generated"),
                e.getMessage());
    }
}
