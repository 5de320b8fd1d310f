package org.creamlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LlamaConfigTest {

    @Test
    void invalidSettingsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LlamaConfig.builder().heads(5).build())
                .getMessage().contains("heads"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LlamaConfig.builder().kvHeads(3).build())
                .getMessage().contains("kvHeads"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LlamaConfig.builder().vocabSize(0).build())
                .getMessage().contains("vocabSize"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LlamaConfig.builder().rmsNormEps(0).build())
                .getMessage().contains("rmsNormEps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LlamaConfig.builder().ropeBase(1).build())
                .getMessage().contains("ropeBase"));
    }

    @Test
    void parameterCountMatchesTheTensors() {
        LlamaConfig c = TinyModels.gqa();
        long sum = WeightNames.expectedShapes(c).values().stream().mapToLong(ai.djl.ndarray.types.Shape::size).sum();
        assertEquals(sum, c.parameterCount());
        LlamaConfig u = TinyModels.untied();
        assertEquals(WeightNames.expectedShapes(u).values().stream().mapToLong(ai.djl.ndarray.types.Shape::size).sum(),
                u.parameterCount());
    }

    @Test
    void hfJsonRoundTripsAndHashIsStable() {
        LlamaConfig c = TinyModels.gqa();
        assertEquals(c, HfConfig.fromJson(HfConfig.toJson(c, new org.creamlab.rope.LinearScaling(4))));
        assertEquals(c.hash(), TinyModels.gqa().hash());
        assertNotEquals(c.hash(), TinyModels.untied().hash());
        assertEquals(new org.creamlab.rope.LinearScaling(4),
                HfConfig.ropeScaling(HfConfig.toJson(c, new org.creamlab.rope.LinearScaling(4))));
    }
}
