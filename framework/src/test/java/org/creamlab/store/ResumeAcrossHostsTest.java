package org.creamlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On a cluster a run's task may die on one node and run again on another: a RUNNING run is
 * resumable when its owner's heartbeat went silent, or when the same scheduler task comes back
 * (a requeue), and never while its owner on another host is alive.
 */
class ResumeAcrossHostsTest {

    @TempDir
    Path dir;

    private static final Provenance THIS_NODE = new Provenance("abc123", false, "17", "0.36.0", "2.7.1", "node-2",
            "cpu()", 1);
    private static final RunOwner ON_NODE_7 = new RunOwner("node-7", 1234, "slurm 900_3");
    private static final RunOwner ME = new RunOwner("node-2", 4242, "slurm 900_5");

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void silentOwnersAndRequeuedTasksAreResumedLiveOnesAreNot(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDatabase db = backend.open(dir); StoreService service = new StoreService(db.settings())) {
            RunStore store = service.start();
            long run = store.startRun("sweep", "d", "k=1", "{\"k\":\"1\"}", 1, THIS_NODE, ON_NODE_7);
            StoredRun stored = store.run(run);
            assertNotNull(stored.heartbeatAt(), "a run starts with a heartbeat");
            assertEquals("slurm 900_3", stored.ownerTask());

            assertEquals(Optional.empty(), store.findInterrupted("sweep", "k=1", 1, THIS_NODE, ME, Duration.ofHours(1)),
                    "a run of another task on another node with a recent heartbeat is alive");
            assertEquals(Optional.of(run), store.findInterrupted("sweep", "k=1", 1, THIS_NODE,
                    new RunOwner("node-2", 4242, "slurm 900_3"), Duration.ofHours(1)),
                    "the same task, requeued on another node, takes its run back at once");
            Thread.sleep(30);
            assertEquals(Optional.of(run), store.findInterrupted("sweep", "k=1", 1, THIS_NODE, ME, Duration.ofMillis(10)),
                    "a heartbeat older than the limit: the owner is gone");

            store.heartbeat(run);
            assertTrue(store.run(run).heartbeatAt().isAfter(stored.heartbeatAt()), "the heartbeat moves");
            store.claimRun(run, THIS_NODE);
            StoredRun claimed = store.run(run);
            assertEquals(RunStatus.RUNNING, claimed.status());
            store.release(run);
            assertEquals(Optional.of(run), store.findInterrupted("sweep", "k=1", 1, THIS_NODE, ME, Duration.ofHours(1)),
                    "a run its owner released (stopped by SIGTERM) is resumable at once, by anyone");
            store.finishRun(run);
            store.heartbeat(run);
            assertEquals(Optional.empty(), store.findInterrupted("sweep", "k=1", 1, THIS_NODE, ME, Duration.ofMillis(0)),
                    "a finished run is never resumed");
        }
    }
}
