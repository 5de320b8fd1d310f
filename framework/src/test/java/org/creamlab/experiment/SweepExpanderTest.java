package org.creamlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SweepExpanderTest {

    @Experiment(name = "sweep-fixture", description = "two axes and two seeds")
    @Param(name = "scheme", values = {"cream", "pose"}, allowed = {"cream", "pose", "randpos"})
    @Param(name = "steps", values = {"10", "20", "30"}, type = ParamType.INT, min = 1, max = 1000)
    @Seeds({1, 2})
    static final class Fixture implements ExperimentBody {
        @Override
        public void run(RunContext context) {}
    }

    private final ExperimentDescriptor fixture = ExperimentDescriptor.of(Fixture.class);

    @Test
    void cartesianProductTimesSeedsInJmhOrder() {
        List<RunPlan> plans = SweepExpander.expand(fixture, SweepOverrides.none());
        assertEquals(2 * 3 * 2, plans.size());
        assertEquals("sweep-fixture [scheme=cream, steps=10] seed=1", plans.get(0).displayName());
        assertEquals("sweep-fixture [scheme=cream, steps=10] seed=2", plans.get(1).displayName());
        assertEquals("sweep-fixture [scheme=cream, steps=20] seed=1", plans.get(2).displayName());
        assertEquals("sweep-fixture [scheme=pose, steps=30] seed=2", plans.get(11).displayName());
        assertEquals(20, plans.get(2).params().getInt("steps"));
    }

    @Test
    void commandLineReplacesAnnotationListsAndSeeds() {
        Properties p = new Properties();
        p.setProperty("p.steps", "5, 7");
        p.setProperty("seeds", "9");
        p.setProperty("p.scheme", "");  // blank: keep the annotation's list
        List<RunPlan> plans = SweepExpander.expand(fixture, SweepOverrides.from(p));
        assertEquals(2 * 2, plans.size());
        assertTrue(plans.stream().allMatch(r -> r.seed() == 9));
        assertEquals(List.of(5, 7, 5, 7), plans.stream().map(r -> r.params().getInt("steps")).toList());
    }

    @Test
    void invalidValueNamesTheParameterAndWhatItAllows() {
        var overrides = new SweepOverrides(Map.of("scheme", List.of("yarn")), Optional.empty());
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> SweepExpander.expand(fixture, overrides));
        assertEquals("experiment 'sweep-fixture', parameter 'scheme': 'yarn' is not an allowed value; "
                + "allowed: cream, pose, randpos", e.getMessage());
    }

    @Test
    void outOfRangeAndNonNumericValuesAreRejected() {
        var tooBig = new SweepOverrides(Map.of("steps", List.of("5000")), Optional.empty());
        assertEquals("experiment 'sweep-fixture', parameter 'steps': '5000' is out of range; allowed: integers in [1, 1000]",
                assertThrows(InvalidParameterException.class, () -> SweepExpander.expand(fixture, tooBig)).getMessage());
        var text = new SweepOverrides(Map.of("steps", List.of("ten")), Optional.empty());
        assertEquals("experiment 'sweep-fixture', parameter 'steps': 'ten' is not an integer; allowed: integers in [1, 1000]",
                assertThrows(InvalidParameterException.class, () -> SweepExpander.expand(fixture, text)).getMessage());
    }

    @Test
    void unknownParameterIsRejectedWithTheKnownOnes() {
        var unknown = new SweepOverrides(Map.of("lr", List.of("1")), Optional.empty());
        assertEquals("experiment 'sweep-fixture' has no parameter 'lr'; its parameters: [scheme, steps]",
                assertThrows(InvalidParameterException.class, () -> SweepExpander.expand(fixture, unknown)).getMessage());
    }

    @Test
    void badSeedTextIsRejected() {
        Properties p = new Properties();
        p.setProperty("seeds", "1,x");
        assertThrows(InvalidParameterException.class, () -> SweepOverrides.from(p));
    }

    @Test
    void historyKeyIsStableAndDistinguishesSeeds() {
        List<RunPlan> a = SweepExpander.expand(fixture, SweepOverrides.none());
        List<RunPlan> b = SweepExpander.expand(fixture, SweepOverrides.none());
        assertEquals(a.get(0).historyKey(), b.get(0).historyKey());
        assertTrue(!a.get(0).historyKey().equals(a.get(1).historyKey()));
    }
}
