package org.creamlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Endpoint;
import org.junit.jupiter.api.Test;

class SeedLimitAndEndpointsTest {

    @Experiment(name = "limited", description = "a costly arm on fewer seeds")
    @Param(name = "base", values = {"1", "4"})
    @Param(name = "method", values = {"cream", "full"}, allowed = {"cream", "pose", "full"})
    @Seeds({1, 2, 3})
    @SeedLimit(param = "method", value = "full", seeds = 1)
    @PrimaryEndpoint(name = "lines beyond N", task = "lines", beyondWindow = true)
    @PrimaryEndpoint(name = "kv middle", task = "kv", positions = {0.25, 0.5, 0.75})
    static final class Limited implements ExperimentBody {
        @Override
        public void run(RunContext context) {}
    }

    private final ExperimentDescriptor limited = ExperimentDescriptor.of(Limited.class);

    @Test
    void limitedPointsRunTheFirstSeedsInEffectOthersAll() {
        List<RunPlan> plans = SweepExpander.expand(limited, SweepOverrides.none());
        assertEquals(List.of(
                "limited [base=1, method=cream] seed=1", "limited [base=1, method=cream] seed=2",
                "limited [base=1, method=cream] seed=3", "limited [base=1, method=full] seed=1",
                "limited [base=4, method=cream] seed=1", "limited [base=4, method=cream] seed=2",
                "limited [base=4, method=cream] seed=3", "limited [base=4, method=full] seed=1"),
                plans.stream().map(RunPlan::displayName).toList());
        // with -Dseeds=9,8 the limited point takes 9, the first seed in effect
        var overrides = new SweepOverrides(Map.of("method", List.of("full")), Optional.of(List.of(9L, 8L)));
        assertEquals(List.of(9L, 9L), SweepExpander.expand(limited, overrides).stream().map(RunPlan::seed).toList());
    }

    @Test
    void aLimitOnAnUndeclaredParameterIsRefused() {
        // checked on a declaration, not an annotated fixture: the build-time index would list a broken experiment
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeedLimitSpec.check("bad-limit",
                java.util.List.of(new SeedLimitSpec("method", "full", 1)), limited.params().subList(0, 1)));
        assertTrue(e.getMessage().contains("'method'"), e.getMessage());
    }

    @Test
    void endpointsAreReadInOrderAndSurviveTheStoreForm() {
        assertEquals(2, limited.endpoints().size());
        Endpoint lines = limited.endpoints().get(0);
        Endpoint kv = limited.endpoints().get(1);
        assertEquals(List.of(lines, kv), Endpoint.parseLines(Endpoint.lines(limited.endpoints())));
        assertTrue(lines.matches(Dimensions.task("lines").withLength(256), 128));
        assertFalse(lines.matches(Dimensions.task("lines").withLength(128), 128));
        assertFalse(lines.matches(Dimensions.task("kv").withLength(256), 128));
        assertTrue(kv.matches(Dimensions.task("kv").withLength(1024).withPosition(0.5), 128));
        assertFalse(kv.matches(Dimensions.task("kv").withLength(1024).withPosition(0.0), 128));
        assertFalse(kv.matches(Dimensions.task("kv").withLength(1024), 128));
        assertTrue(limited.describe().contains("primary endpoint: kv middle: mean accuracy over kv cells at gold positions 25%, 50%, 75%"),
                limited.describe());
    }

    @Test
    void anEndpointNameThatWouldBreakTheStoreFormIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Endpoint("a;b", "kv", false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("only;three;fields"));
    }
}
