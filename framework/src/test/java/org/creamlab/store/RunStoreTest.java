package org.creamlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.creamlab.metric.Dimensions;
import org.creamlab.metric.Metric;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** The store's reads and writes, on H2 and (when configured) on a real PostgreSQL server. */
class RunStoreTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aRunWithItsMetricsAndProvenanceSurvivesReopening(StoreBackend backend) {
        try (StoreBackend.TestDatabase db = backend.open(dir)) {
            aRunWithItsMetricsAndProvenanceSurvivesReopening(db);
        }
    }

    private void aRunWithItsMetricsAndProvenanceSurvivesReopening(StoreBackend.TestDatabase db) {
        long runId;
        try (StoreService service = new StoreService(db.settings())) {
            RunStore store = service.start();
            runId = store.startRun("demo", "a demo", "steps=3", "{\"steps\":\"3\"}", 7L, StoreFixtures.provenance());
            assertEquals(RunStatus.RUNNING, store.run(runId).status());
            store.logMetric(runId, Metric.at("train/loss", 1, 2.5));
            store.logMetric(runId, Metric.at("train/loss", 2, Double.NaN));
            store.logMetric(runId, Metric.of("eval/accuracy", 0.75, Dimensions.task("kv").withLength(256).withPosition(0.5)));
            store.finishRun(runId);
        }
        try (StoreService service = new StoreService(db.settings())) {
            RunStore store = service.start();
            StoredRun run = store.run(runId);
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals("demo", run.experiment());
            assertEquals(7L, run.seed());
            assertEquals(StoreFixtures.provenance(), run.provenance());
            assertNotNull(run.endedAt());
            List<Metric> metrics = store.metrics(runId);
            assertEquals(3, metrics.size());
            assertEquals(Metric.at("train/loss", 1, 2.5), metrics.get(0));
            assertTrue(Double.isNaN(metrics.get(1).value()), "NaN is stored as measured");
            Metric acc = metrics.get(2);
            assertNull(acc.step());
            assertEquals(new Dimensions("kv", 256, 0.5, null), acc.dimensions());
            assertEquals(1, store.runs("demo").size());
            assertEquals(0, store.runs("other").size());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aFailedRunKeepsItsCategoryAndReason(StoreBackend backend) {
        try (StoreBackend.TestDatabase db = backend.open(dir)) {
            aFailedRunKeepsItsCategoryAndReason(db);
        }
    }

    private void aFailedRunKeepsItsCategoryAndReason(StoreBackend.TestDatabase db) {
        try (StoreService service = new StoreService(db.settings())) {
            RunStore store = service.start();
            long id = store.startRun("demo", "a demo", "", "{}", 1L, StoreFixtures.provenance());
            store.failRun(id, FailureCategory.DIVERGED, "loss is NaN at step 12");
            StoredRun run = store.run(id);
            assertEquals(RunStatus.FAILED, run.status());
            assertEquals("diverged", run.failureCategory());
            assertEquals("loss is NaN at step 12", run.failureMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void artifactsAreRecorded(StoreBackend backend) {
        try (StoreBackend.TestDatabase db = backend.open(dir)) {
            artifactsAreRecorded(db);
        }
    }

    private void artifactsAreRecorded(StoreBackend.TestDatabase db) {
        try (StoreService service = new StoreService(db.settings())) {
            RunStore store = service.start();
            long id = store.startRun("demo", "a demo", "", "{}", 1L, StoreFixtures.provenance());
            store.addArtifact(new StoredArtifact(id, "checkpoint", "/tmp/x", "ab".repeat(32), 10));
            assertEquals(List.of(new StoredArtifact(id, "checkpoint", "/tmp/x", "ab".repeat(32), 10)), store.artifacts(id));
        }
    }
}
