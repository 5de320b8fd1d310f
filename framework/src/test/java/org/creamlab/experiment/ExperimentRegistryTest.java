package org.creamlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExperimentRegistryTest {

    /** The test sources are compiled with the index processor, so the fixtures are on the index. */
    private final ExperimentRegistry registry = ExperimentRegistry.fromClasspath(getClass().getClassLoader());

    @Test
    void theBuildTimeIndexFindsAnnotatedClasses() {
        assertTrue(registry.names().contains("sweep-fixture"), registry.names().toString());
        assertEquals(SweepExpanderTest.Fixture.class, registry.get("sweep-fixture").type());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        UnknownExperimentException e = assertThrows(UnknownExperimentException.class, () -> registry.select("sweep-fixture,nope"));
        assertTrue(e.getMessage().startsWith("unknown experiment 'nope'; known experiments: "), e.getMessage());
        assertTrue(e.getMessage().contains("sweep-fixture"), e.getMessage());
    }

    @Test
    void aClassWithoutTheBodyInterfaceIsRejected() {
        @Experiment(name = "bad", description = "not a body")
        final class NotABody {}
        assertThrows(IllegalArgumentException.class, () -> ExperimentDescriptor.of(NotABody.class));
    }
}
