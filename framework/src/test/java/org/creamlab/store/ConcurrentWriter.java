package org.creamlab.store;

import java.nio.file.Path;
import org.creamlab.experiment.Metric;

/** A separate process for {@link ConcurrentStoreTest}: writes runs with metrics, one commit each. */
public final class ConcurrentWriter {

    private ConcurrentWriter() {}

    /** Arguments: store folder, writer name, runs, metrics per run. */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String writer = args[1];
        int runs = Integer.parseInt(args[2]);
        int metrics = Integer.parseInt(args[3]);
        try (StoreService service = new StoreService(StoreFixtures.settings(dir))) {
            RunStore store = service.start();
            for (int r = 0; r < runs; r++) {
                long id = store.startRun("concurrent", "two writers", writer, "{}", r, StoreFixtures.provenance());
                for (int m = 0; m < metrics; m++) {
                    store.logMetric(id, Metric.at("loss", m, m * 0.5));
                }
                store.finishRun(id);
            }
        }
    }
}
