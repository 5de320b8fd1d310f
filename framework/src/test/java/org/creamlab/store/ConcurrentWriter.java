package org.creamlab.store;

import org.creamlab.config.Settings;
import org.creamlab.metric.Metric;

/**
 * A separate process for {@link ConcurrentStoreTest} and {@link ReaderConsistencyTest}: writes runs
 * with metrics to the store named by {@code -Ddb.url} (and {@code -Ddb.user}, {@code -Ddb.password}).
 */
public final class ConcurrentWriter {

    private ConcurrentWriter() {}

    /**
     * Arguments: writer name (the runs' variant), runs, metrics per run, and optionally the batch
     * size K (metrics committed K at a time, default 1) and a pause in milliseconds after each commit.
     */
    public static void main(String[] args) throws InterruptedException {
        String writer = args[0];
        int runs = Integer.parseInt(args[1]);
        int metrics = Integer.parseInt(args[2]);
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        long pauseMs = args.length > 4 ? Long.parseLong(args[4]) : 0;
        String experiment = batch == 1 ? "concurrent" : "consistency";
        try (StoreService service = new StoreService(Settings.fromSystemProperties())) {
            RunStore store = service.start();
            for (int r = 0; r < runs; r++) {
                long id = store.startRun(experiment, "concurrent writers", writer, "{}", r, StoreFixtures.provenance());
                for (int m = 0; m < metrics; m += batch) {
                    if (batch == 1) {
                        store.logMetric(id, Metric.at("loss", m, m * 0.5));
                    } else {
                        java.util.List<Metric> group = new java.util.ArrayList<>();
                        for (int k = m; k < Math.min(metrics, m + batch); k++) {
                            group.add(Metric.at("loss", k, k * 0.5));
                        }
                        store.logMetrics(id, group);
                    }
                    if (pauseMs > 0) {
                        Thread.sleep(pauseMs);
                    }
                }
                store.finishRun(id);
            }
        }
    }
}
