package org.creamlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComposedParamsTest {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Param(name = "window", values = "128", type = ParamType.INT)
    @Param(name = "layers", values = {"2", "4"}, type = ParamType.INT)
    @interface SharedModel {}

    @Experiment(name = "composed-fixture", description = "shared parameters from an annotation")
    @SharedModel
    @Param(name = "method", values = "cream")
    static final class Fixture implements ExperimentBody {
        @Override
        public void run(RunContext context) {}
    }

    @Experiment(name = "override-fixture", description = "a class parameter replaces a composed one")
    @SharedModel
    @Param(name = "layers", values = "8", type = ParamType.INT)
    static final class ClassWins implements ExperimentBody {
        @Override
        public void run(RunContext context) {}
    }

    @Test
    void aClassParameterReplacesTheComposedOneInPlace() {
        ExperimentDescriptor d = ExperimentDescriptor.of(ClassWins.class);
        assertEquals(List.of("window", "layers"), d.params().stream().map(ParamSpec::name).toList());
        assertEquals(List.of("8"), d.param("layers").orElseThrow().defaults());
    }

    @Test
    void parametersOfAComposedAnnotationComeFirst() {
        ExperimentDescriptor d = ExperimentDescriptor.of(Fixture.class);
        assertEquals(List.of("window", "layers", "method"), d.params().stream().map(ParamSpec::name).toList());
        assertEquals(2, SweepExpander.expand(d, SweepOverrides.none()).size());
    }
}
