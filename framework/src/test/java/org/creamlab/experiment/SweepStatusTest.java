package org.creamlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.creamlab.store.Provenance;
import org.creamlab.store.RunStatus;
import org.creamlab.store.StoredRun;
import org.junit.jupiter.api.Test;

/** {@code -Dstatus}: each point's state from the stored runs that match it. */
class SweepStatusTest {

    @Experiment(name = "status-fixture", description = "five points")
    @Param(name = "k", values = {"1", "2", "3", "4", "5"})
    static final class Five implements ExperimentBody {
        @Override
        public void run(RunContext context) {}
    }

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Provenance P = new Provenance("0123456789ab", false, "17", "0.36.0", "2.7.1", "node-1", "cpu()", 1);

    private static StoredRun run(long id, String k, RunStatus status, Instant heartbeat, String failure) {
        return new StoredRun(id, "status-fixture", "k=" + k, "{}", 1, status, failure == null ? null : "error", failure,
                NOW.minusSeconds(600), status == RunStatus.RUNNING ? null : NOW.minusSeconds(60), P, heartbeat,
                status == RunStatus.RUNNING ? "slurm 77_" + k : null);
    }

    @Test
    void eachPointGetsTheStateOfItsBestRun() {
        List<RunPlan> plans = SweepExpander.expand(ExperimentDescriptor.of(Five.class), SweepOverrides.none());
        List<StoredRun> runs = List.of(
                run(1, "1", RunStatus.FAILED, null, "boom"), run(2, "1", RunStatus.FINISHED, null, null),
                run(3, "2", RunStatus.RUNNING, NOW.minusSeconds(10), null),
                run(4, "3", RunStatus.RUNNING, NOW.minusSeconds(600), null),
                run(5, "4", RunStatus.FAILED, null, "old failure"), run(6, "4", RunStatus.FAILED, null, "new failure"));
        List<SweepStatus.Point> points = SweepStatus.of(plans, runs, NOW, Duration.ofSeconds(120));
        assertEquals(List.of(SweepStatus.State.FINISHED, SweepStatus.State.RUNNING, SweepStatus.State.INTERRUPTED,
                SweepStatus.State.FAILED, SweepStatus.State.MISSING), points.stream().map(SweepStatus.Point::state).toList());
        assertEquals(2L, points.get(0).run().orElseThrow().id(), "a finished run wins over an earlier failure");
        assertEquals(6L, points.get(3).run().orElseThrow().id(), "the newest failure is shown");
        assertEquals(List.of(false, false, true, true, true), points.stream().map(p -> p.state().needsRun()).toList());
        assertEquals(List.of(plans.get(2), plans.get(3), plans.get(4)), SweepStatus.toRun(points),
                "-Dskip.finished runs the interrupted, failed and missing points, in sweep order");

        String text = SweepStatus.describe("status-fixture", points, NOW);
        assertTrue(text.startsWith("status-fixture: 5 points; 1 missing, 1 running, 1 interrupted, 1 finished, 1 failed\n"), text);
        assertTrue(text.contains("running      status-fixture [k=2] seed=1  (run 3, slurm 77_2, heartbeat 10 s ago)"), text);
        assertTrue(text.contains("(run 4, slurm 77_3, heartbeat 10 min ago; resumable by the same code"), text);
        assertTrue(text.contains("(run 6, commit 0123456: error: new failure)"), text);
        assertTrue(text.contains("finished     status-fixture [k=1] seed=1  (run 2, commit 0123456, ended 60 s ago)"), text);
    }
}
