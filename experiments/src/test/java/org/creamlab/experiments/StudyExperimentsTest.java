package org.creamlab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.creamlab.experiment.ExperimentDescriptor;
import org.creamlab.experiment.ExperimentRegistry;
import org.creamlab.experiment.SweepExpander;
import org.creamlab.experiment.SweepOverrides;
import org.junit.jupiter.api.Test;

/** Every experiment of the study is discovered and its declared sweep is valid (no compute). */
class StudyExperimentsTest {

    private final ExperimentRegistry registry = ExperimentRegistry.fromClasspath(getClass().getClassLoader());

    @Test
    void theStudysExperimentsAreAllDiscoveredAndTheirSweepsAreValid() {
        assertTrue(registry.names().containsAll(List.of("smoke", "pretrain-base", "cream-vs-pose", "interpolation-ablation",
                "cream-ablation", "factor-sweep", "regression", "training-free", "gate-bases")), registry.names().toString());
        for (ExperimentDescriptor e : registry.all()) {
            assertTrue(!SweepExpander.expand(e, SweepOverrides.none()).isEmpty(), e.name());
        }
    }

    @Test
    void theMainJobRunsFiveBasesTimesTwoSeedsWithTheBoundOnOneSeedPerBase() {
        var plans = SweepExpander.expand(registry.get("cream-vs-pose"), SweepOverrides.none());
        // none, cream, pose on 5 bases x 2 seeds; full-length on the first seed of each base
        assertEquals(5 * (3 * 2 + 1), plans.size());
        assertEquals(List.of("5", "16", "17", "20", "21"),
                plans.stream().map(p -> p.params().get("baseSeed")).distinct().toList(), "the gated study's bases");
        assertTrue(plans.stream().filter(p -> p.params().get("method").equals("full")).allMatch(p -> p.seed() == 1));
        assertTrue(plans.stream().noneMatch(p -> List.of("2", "3", "4", "8", "10").contains(p.params().get("baseSeed"))),
                "a calibration base is never reported");
        assertEquals(4, registry.get("cream-vs-pose").endpoints().size());
        assertEquals(2 * 3 * 3, SweepExpander.expand(registry.get("interpolation-ablation"), SweepOverrides.none()).size());
        assertEquals(10 * 3, SweepExpander.expand(registry.get("cream-ablation"), SweepOverrides.none()).size());
    }

    @Test
    void theMainJobRunsTheCalibratedSettingWhileTheAblationsKeepTheirOwn() {
        var main = SweepExpander.expand(registry.get("cream-vs-pose"), SweepOverrides.none());
        assertTrue(main.stream().allMatch(p -> p.params().get("layers").equals("4")
                && p.params().get("scaling").equals("yarn-original")
                && p.params().get("yarnBetaSlow").equals("16")
                && p.params().get("attentionFactor").equals("1")), "the setting chosen on the calibration base (docs/study.md 9)");
        for (String other : List.of("interpolation-ablation", "cream-ablation", "regression", "training-free")) {
            var plans = SweepExpander.expand(registry.get(other), SweepOverrides.none());
            assertTrue(plans.stream().allMatch(p -> p.params().get("layers").equals("2")
                    && p.params().get("yarnBetaSlow").equals("1")), other + " keeps the 2-layer bases and YaRN's band");
        }
    }

    @Test
    void theTrainingFreeComparisonRunsEachRemappingOnceAndTheFineTunedArmsWithBothScalings() {
        var plans = SweepExpander.expand(registry.get("training-free"), SweepOverrides.none());
        // per base: 2 seeds x (none x 2 scalings + 5 remappings + cream, pose x 2 scalings) + full on seed 1
        assertEquals(5 * (2 * (2 + 5 + 4) + 1), plans.size());
        assertTrue(plans.stream().filter(p -> org.creamlab.experiments.study.TrainingFreeMethods.isTrainingFree(p.params().get("method")))
                .allMatch(p -> p.params().get("scaling").equals("linear")), "a remapping runs unscaled, once");
        assertEquals(4, registry.get("training-free").endpoints().size());
    }
}
