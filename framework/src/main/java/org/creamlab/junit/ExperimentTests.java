package org.creamlab.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.creamlab.experiment.ExperimentDescriptor;
import org.creamlab.experiment.ExperimentSession;
import org.creamlab.experiment.RunPlan;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Turns the selected experiments into JUnit dynamic tests: one container per experiment, one test
 * per run, named by its parameters and seed. Use from a {@code @TestFactory} method:
 *
 * <pre>{@code
 * @ExtendWith(ExperimentExtension.class)
 * class ExperimentsTest {
 *     @TestFactory
 *     Stream<DynamicNode> experiments(ExperimentSession session) {
 *         return ExperimentTests.of(session, "smoke");
 *     }
 * }
 * }</pre>
 *
 * Selection, overrides and validation happen here, before any test runs, so an unknown name or a
 * bad value fails at once.
 */
public final class ExperimentTests {

    private ExperimentTests() {}

    /**
     * @param defaultSelection the experiments to run when {@code -Dexperiment} is not given
     */
    public static Stream<DynamicNode> of(ExperimentSession session, String defaultSelection) {
        if (session.listOnly()) {
            StringBuilder text = new StringBuilder("experiments (run with mvn test -Dexperiment=NAME [-Dp.PARAM=v1,v2] [-Dseeds=1,2]):\n");
            session.registry().all().forEach(e -> text.append("  ").append(e.describe().replace("\n    ", "\n      ")));
            System.out.println(text);
            return Stream.of(DynamicTest.dynamicTest("list experiments", () -> { }));
        }
        List<ExperimentDescriptor> experiments = session.selected(defaultSelection);
        if (session.sweepListOnly()) {
            String text = session.describeSweeps(experiments);
            System.out.print(text);
            return Stream.of(DynamicTest.dynamicTest("list sweep points", () -> { }));
        }
        if (session.statusOnly()) {
            System.out.print(session.describeStatus(experiments));
            return Stream.of(DynamicTest.dynamicTest("sweep status", () -> { }));
        }
        if (org.creamlab.cluster.SlurmSubmission.requested(System.getProperties())) {
            var submission = org.creamlab.cluster.SlurmSubmission.checked(session.settings(), System.getProperties(), System.out);
            var points = session.status(experiments);
            List<DynamicNode> submitted = new ArrayList<>();
            for (int i = 0; i < experiments.size(); i++) {
                org.creamlab.cluster.SlurmSubmission.Result result;
                try {
                    result = submission.submit(experiments.get(i), points.get(i));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot write the Slurm scripts", e);
                }
                submitted.add(DynamicTest.dynamicTest("submit " + result.experiment() + " to Slurm ("
                        + result.submitted().size() + " points)", () -> { }));
            }
            return submitted.stream();
        }
        List<List<RunPlan>> plans = session.plans(experiments);
        List<DynamicNode> nodes = new ArrayList<>();
        for (int i = 0; i < experiments.size(); i++) {
            List<DynamicNode> runs = new ArrayList<>();
            String name = experiments.get(i).name();
            List<RunPlan> points = plans.get(i);
            long[] started = new long[1];
            java.time.Instant[] since = {java.time.Instant.now()};
            for (int k = 0; k < points.size(); k++) {
                RunPlan plan = points.get(k);
                boolean first = k == 0;
                boolean last = k == points.size() - 1;
                runs.add(DynamicTest.dynamicTest(plan.displayName(), () -> {
                    if (first || started[0] == 0) {
                        started[0] = System.nanoTime();
                        since[0] = java.time.Instant.now().minusSeconds(1);
                    }
                    try {
                        AllureRunRecorder.run(session, plan);
                    } finally {
                        if (last) {   // not once a stop is closing the store
                            session.unlessStopping(() -> {
                                long s = (System.nanoTime() - started[0]) / 1_000_000_000L;
                                String line = String.format(java.util.Locale.ROOT, "[creamlab] %s: %d runs in %d min %02d s%s",
                                        name, points.size(), s / 60, s % 60, RunParts.describe(session.store(), name, since[0]));
                                System.out.println(line);
                                org.slf4j.LoggerFactory.getLogger(ExperimentTests.class).info(line);
                            });
                        }
                    }
                }));
            }
            nodes.add(DynamicContainer.dynamicContainer(name, runs));
        }
        return nodes.stream();
    }
}
