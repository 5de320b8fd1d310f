package org.creamlab.experiments;

import java.util.stream.Stream;
import org.creamlab.junit.ExperimentExtension;
import org.creamlab.experiment.ExperimentSession;
import org.creamlab.junit.ExperimentTests;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs experiments as tests: {@code mvn test -Dexperiment=NAME[,NAME...]}, with
 * {@code -Dp.PARAM=v1,v2} and {@code -Dseeds=1,2} overrides; {@code -Dlist} lists them. Without
 * {@code -Dexperiment}, the default suite runs the smoke experiment and the regression guard (which
 * pre-trains the study's base first when {@code db/models/} has none, about 15 minutes at 2 threads).
 */
@ExtendWith(ExperimentExtension.class)
class ExperimentsTest {

    @TestFactory
    Stream<DynamicNode> experiments(ExperimentSession session) {
        return ExperimentTests.of(session, "smoke,regression");
    }
}
