package org.creamlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.creamlab.config.Settings;
import org.junit.jupiter.api.Test;

/** {@code -Dsweep.index=K} and {@code -Dsweep.list}: point K is a pure function of the sweep after overrides. */
class SweepIndexTest {

    @Experiment(name = "indexed", description = "a sweep addressed by number")
    @Param(name = "method", values = {"cream", "pose"}, allowed = {"cream", "pose", "full"})
    @Param(name = "lr", values = {"0.1", "0.2"}, type = ParamType.DOUBLE, min = 0, max = 1)
    @Seeds({1, 2})
    static final class Indexed implements ExperimentBody {
        @Override
        public void run(RunContext context) {}
    }

    private static final ExperimentDescriptor INDEXED = ExperimentDescriptor.of(Indexed.class);

    private static ExperimentSession session(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return new ExperimentSession(Settings.from(new Properties()), new ExperimentRegistry(List.of(INDEXED)), p);
    }

    @Test
    void pointKIsTheKthRunOfTheExpansionAfterOverrides() {
        List<RunPlan> all = SweepExpander.expand(INDEXED, SweepOverrides.none());
        assertEquals(8, all.size());
        for (int k = 0; k < all.size(); k++) {
            List<RunPlan> one = SweepIndex.select("indexed", all, k);
            assertEquals(List.of(all.get(k)), one);
        }
        // overrides change the sweep, and the index addresses the sweep as overridden
        ExperimentSession s = session("p.method", "full", "seeds", "7", "p.lr", "0.2,0.1");
        List<RunPlan> sweep = s.sweeps(List.of(INDEXED)).get(0);
        assertEquals(List.of("indexed [method=full, lr=0.2] seed=7", "indexed [method=full, lr=0.1] seed=7"),
                sweep.stream().map(RunPlan::displayName).toList());
    }

    @Test
    void anIndexOutOfRangeOrNotANumberIsRefusedWithTheRange() {
        InvalidParameterException out = assertThrows(InvalidParameterException.class,
                () -> SweepIndex.select("indexed", SweepExpander.expand(INDEXED, SweepOverrides.none()), 8));
        assertTrue(out.getMessage().contains("8 is out of range") && out.getMessage().contains("(0..7)"), out.getMessage());
        for (String bad : List.of("-1", "two", "1.5")) {
            Properties p = new Properties();
            p.setProperty(SweepIndex.INDEX, bad);
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> SweepIndex.from(p));
            assertTrue(e.getMessage().contains("'sweep.index'") && e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void theListNamesEachPointByIndexWithWhatVaries() {
        String text = session().describeSweeps(List.of(INDEXED));
        assertEquals("""
                indexed: 8 points (run one with -Dsweep.index=K)
                  0  seed=1  method=cream, lr=0.1
                  1  seed=2  method=cream, lr=0.1
                  2  seed=1  method=cream, lr=0.2
                  3  seed=2  method=cream, lr=0.2
                  4  seed=1  method=pose, lr=0.1
                  5  seed=2  method=pose, lr=0.1
                  6  seed=1  method=pose, lr=0.2
                  7  seed=2  method=pose, lr=0.2
                """, text);
        assertTrue(session("p.lr", "0.3").describeSweeps(List.of(INDEXED)).contains("every point: lr=0.3"));
    }
}
