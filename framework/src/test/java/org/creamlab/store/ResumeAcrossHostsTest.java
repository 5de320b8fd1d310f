package org.creamlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On a cluster a run's task may die on one node and run again on another: a RUNNING run is taken
 * over when its owner's heartbeat went silent, when the same Slurm array task comes back (a requeue)
 * or when its owner released it; never while its owner is alive; and of two claimers only one gets it.
 * A former owner can neither keep the run alive nor release it after that.
 */
class ResumeAcrossHostsTest {

    @TempDir
    Path dir;

    private static final Provenance CODE = new Provenance("abc123", false, "17", "0.36.0", "2.7.1", "node-2", "cpu()", 1);
    private static final RunOwner ON_NODE_7 = new RunOwner("node-7", 1234, "slurm 900_3");
    private static final RunOwner ME = new RunOwner("node-2", 4242, "slurm 900_5");
    private static final RunOwner OTHER = new RunOwner("node-4", 777, "slurm 900_6");
    private static final Duration HOUR = Duration.ofHours(1);

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void silentOwnersAndRequeuedTasksAreTakenOverLiveOnesAreNot(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDatabase db = backend.open(dir); StoreService service = new StoreService(db.settings())) {
            RunStore store = service.start();
            long run = store.startRun("sweep", "d", "k=1", "{\"k\":\"1\"}", 1, CODE, ON_NODE_7);
            StoredRun stored = store.run(run);
            assertNotNull(stored.heartbeatAt(), "a run starts with a heartbeat");
            assertEquals("slurm 900_3", stored.ownerTask());

            assertEquals(Optional.empty(), store.claimInterrupted("sweep", "k=1", 1, CODE, ME, HOUR),
                    "a run of another task on another node with a recent heartbeat is alive");
            RunOwner requeued = new RunOwner("node-8", 5555, "slurm 900_3");
            assertEquals(Optional.of(run), store.claimInterrupted("sweep", "k=1", 1, CODE, requeued, HOUR),
                    "the same array task, requeued on another node, takes its run back at once");
            assertEquals("node-2", store.run(run).provenance().host(), "provenance stays; the owner changed");
            assertFalse(store.heartbeat(run, ON_NODE_7), "the former owner's heartbeat no longer counts");
            assertTrue(store.heartbeat(run, requeued));
            assertEquals(Optional.empty(), store.claimInterrupted("sweep", "k=1", 1, CODE, ME, HOUR),
                    "once taken, the run has a live owner: a second claimer starts afresh");

            Thread.sleep(30);
            assertEquals(Optional.of(run), store.claimInterrupted("sweep", "k=1", 1, CODE, ME, Duration.ofMillis(10)),
                    "a heartbeat older than the limit: the owner is gone");
            store.release(run, requeued);
            assertTrue(store.heartbeat(run, ME), "a former owner's release leaves the new owner's run alone");
            store.release(run, ME);
            assertEquals(Optional.of(run), store.claimInterrupted("sweep", "k=1", 1, CODE, OTHER, HOUR),
                    "a run its owner released is taken at once, by anyone");
            store.finishRun(run);
            assertEquals(Optional.empty(), store.claimInterrupted("sweep", "k=1", 1, CODE, ME, Duration.ofMillis(0)),
                    "a finished run is never resumed");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void onThisHostALiveProcessKeepsItsRunUnlessItsHeartbeatIsSilent(StoreBackend backend) throws Exception {
        try (StoreBackend.TestDatabase db = backend.open(dir); StoreService service = new StoreService(db.settings())) {
            RunStore store = service.start();
            long alivePid = ProcessHandle.current().parent().orElseThrow().pid();   // a live process that is not this one
            RunOwner live = new RunOwner("node-2", alivePid, null);
            long run = store.startRun("sweep", "d", "k=2", "{\"k\":\"2\"}", 1, CODE, live);
            assertEquals(Optional.empty(), store.claimInterrupted("sweep", "k=2", 1, CODE, ME, HOUR), "its process is alive");
            Thread.sleep(30);
            assertEquals(Optional.of(run), store.claimInterrupted("sweep", "k=2", 1, CODE, ME, Duration.ofMillis(10)),
                    "a live pid with a silent heartbeat is a reused pid: the run is taken");
            long unknownHost = store.startRun("sweep", "d", "k=3", "{\"k\":\"3\"}", 1, CODE, new RunOwner("unknown", 1, null));
            assertEquals(Optional.empty(), store.claimInterrupted("sweep", "k=3", 1, CODE, new RunOwner("unknown", 4242, null), HOUR),
                    "an unknown host name says nothing about the process: only the heartbeat counts (" + unknownHost + ")");
        }
    }
}
