package org.creamlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.creamlab.rope.NoScaling;
import org.junit.jupiter.api.Test;

class ComputeSettingsTest {

    @Test
    void defaultsAreCpuFloat32() {
        ComputeSettings s = ComputeSettings.defaults();
        assertEquals(Device.cpu(), s.device());
        assertEquals(DataType.FLOAT32, s.precision().dataType());
        assertThrows(IllegalArgumentException.class, () -> new ComputeSettings(false, null, 1));
        assertThrows(IllegalArgumentException.class, () -> new ComputeSettings(false, ComputeSettings.Precision.FP32, 0));
    }

    @Test
    void fp16InferenceIsCloseToFp32() {
        try (NDManager m = NDManager.newBaseManager(); LlamaWeights w = LlamaWeights.initialize(m, TinyModels.gqa(), 1);
                LlamaWeights half = w.toType(m, DataType.FLOAT16)) {
            int[][] x = TinyModels.tokens(2, 1, 8, 64);
            long[][] p = TinyModels.positions(1, 8, 0);
            float[] a = new LlamaModel(w).logitsLowMemory(m, x, p, new NoScaling(), 4, false).toFloatArray();
            float[] b = new LlamaModel(half).logitsLowMemory(m, x, p, new NoScaling(), 4, false).toFloatArray();
            assertArrayEquals(a, b, 2e-2f);
        }
    }
}
