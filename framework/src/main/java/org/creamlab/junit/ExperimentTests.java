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
        List<List<RunPlan>> plans = session.plans(experiments);
        List<DynamicNode> nodes = new ArrayList<>();
        for (int i = 0; i < experiments.size(); i++) {
            List<DynamicNode> runs = new ArrayList<>();
            for (RunPlan plan : plans.get(i)) {
                runs.add(DynamicTest.dynamicTest(plan.displayName(), () -> AllureRunRecorder.run(session, plan)));
            }
            nodes.add(DynamicContainer.dynamicContainer(experiments.get(i).name(), runs));
        }
        return nodes.stream();
    }
}
