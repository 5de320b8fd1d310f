package org.creamlab.junit;

import io.qameta.allure.Allure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.creamlab.config.Settings;
import org.creamlab.experiment.ExperimentSession;
import org.creamlab.experiment.ExperimentRunner;
import org.creamlab.metric.Metric;
import org.creamlab.experiment.RunPlan;
import org.creamlab.store.Provenance;

/**
 * Runs one plan inside a JUnit test and describes it to Allure: epic/feature/story labels, the
 * parameters and seed, a {@code runId} label (reports use it to find the run in the store), a
 * stable history id per experiment + parameters + seed, the final metrics and a CSV of all metrics.
 */
public final class AllureRunRecorder {

    /** Allure label carrying the store's run id. */
    public static final String RUN_ID_LABEL = "runId";

    private AllureRunRecorder() {}

    static void run(ExperimentSession session, RunPlan plan) throws Exception {
        Allure.epic("creamlab");
        Allure.feature(plan.experiment().name());
        Allure.story(plan.params().values().isEmpty() ? "default" : plan.params().canonical());
        Allure.description(plan.experiment().description());
        plan.params().values().forEach(Allure::parameter);
        Allure.parameter("seed", plan.seed());
        String history = HistoryIds.run(plan.experiment().name(), plan.params().canonical(), plan.seed());
        String testCase = HistoryIds.testCase(plan.experiment().name(), plan.params().canonical());
        Allure.getLifecycle().updateTestCase(r -> {
            r.setHistoryId(history);
            r.setTestCaseId(testCase);
        });
        ExperimentRunner runner = session.runner();
        runner.run(plan,
                id -> Allure.label(RUN_ID_LABEL, Long.toString(id)),
                id -> describeMetrics(runner.store().metrics(id)));   // before a stop signal may close the store
    }

    private static void describeMetrics(List<Metric> metrics) {
        Map<String, Metric> last = new LinkedHashMap<>();
        metrics.forEach(m -> last.put(m.label(), m));
        last.forEach((k, m) -> Allure.parameter("final " + k, m.value()));
        Allure.addAttachment("metrics", "text/csv", Metric.csv(metrics), ".csv");
    }

    /** Writes {@code environment.properties} (provenance) into the Allure results folder. */
    static void writeEnvironment(Settings settings, Provenance p) {
        Properties env = new Properties();
        env.setProperty("git.commit", p.gitCommit());
        env.setProperty("git.dirty", String.valueOf(p.gitDirty()));
        env.setProperty("java", p.javaVersion());
        env.setProperty("djl", p.djlVersion());
        env.setProperty("pytorch", p.pytorchVersion());
        env.setProperty("host", p.host());
        env.setProperty("device", p.device());
        env.setProperty("threads", Integer.toString(p.threads()));
        env.setProperty("store", settings.dbUrl().replaceAll("(?i)(password=)[^;&]*", "$1***"));
        try {
            Path dir = settings.allureResults();
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(dir.resolve("environment.properties"), StandardCharsets.UTF_8)) {
                env.store(w, "creamlab provenance");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write environment.properties", e);
        }
    }
}
