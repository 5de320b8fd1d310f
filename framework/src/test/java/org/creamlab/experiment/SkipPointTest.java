package org.creamlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @SkipPoint}: points where one parameter means nothing for a value of another are left out. */
class SkipPointTest {

    @Experiment(name = "skipping", description = "scaling means nothing for the training-free arm")
    @Param(name = "method", values = {"cream", "rerope"}, allowed = {"cream", "rerope", "pose"})
    @Param(name = "scaling", values = {"linear", "yarn"}, allowed = {"linear", "yarn"})
    @Seeds({1, 2})
    @SkipPoint({"method=rerope", "scaling=yarn"})
    static final class Skipping implements ExperimentBody {
        @Override
        public void run(RunContext context) {}
    }

    private final ExperimentDescriptor skipping = ExperimentDescriptor.of(Skipping.class);

    @Test
    void matchingPointsAreLeftOutOthersStay() {
        List<String> names = SweepExpander.expand(skipping, SweepOverrides.none()).stream().map(RunPlan::displayName).toList();
        assertEquals(List.of(
                "skipping [method=cream, scaling=linear] seed=1", "skipping [method=cream, scaling=linear] seed=2",
                "skipping [method=cream, scaling=yarn] seed=1", "skipping [method=cream, scaling=yarn] seed=2",
                "skipping [method=rerope, scaling=linear] seed=1", "skipping [method=rerope, scaling=linear] seed=2"), names);
        assertTrue(skipping.describe().contains("are left out"), skipping.describe());
    }

    @Test
    void aConditionOnAnUndeclaredParameterOrADisallowedValueIsRefused() {
        SkipPoint undeclared = Skipping.class.getAnnotation(SkipPoint.class);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SkipSpec.of("skipping", undeclared, skipping.params().subList(0, 1)));
        assertTrue(e.getMessage().contains("'scaling'"), e.getMessage());
        SkipPoint bad = new SkipPoint() {
            @Override
            public String[] value() {
                return new String[] {"method=full"};
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return SkipPoint.class;
            }
        };
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> SkipSpec.of("skipping", bad, skipping.params()));
        assertTrue(value.getMessage().contains("full"), value.getMessage());
    }
}
