package org.creamlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdamWTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void bothModesMatchAHandComputedPyTorchAdamW() {
        float[] w0 = {0.5f, -1.0f, 2.0f};
        float[] grad = {0.1f, -0.3f, 0.02f};
        double lr = 0.01, b1 = 0.9, b2 = 0.95, eps = 1e-8, wd = 0.1, scale = 0.5;
        double[] w = {w0[0], w0[1], w0[2]};
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 1; t <= 3; t++) {
            for (int i = 0; i < 3; i++) {
                double g = grad[i] * scale;
                w[i] *= 1 - lr * wd;
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(b2, t)) + eps;
                w[i] -= lr / (1 - Math.pow(b1, t)) * m[i] / denom;
            }
        }
        for (AdamW.Mode mode : AdamW.Mode.values()) {
            try (NDManager sub = manager.newSubManager()) {
                NDArray param = sub.create(w0);
                param.setRequiresGradient(true);
                Map<String, NDArray> params = Map.of("model.layers.0.mlp.up_proj.weight", param);
                try (AdamW opt = new AdamW(sub, params, mode, b1, b2, eps, wd)) {
                    for (int t = 0; t < 3; t++) {
                        try (NDManager step = sub.newSubManager()) {
                            NDArray c = step.create(grad);
                            try (GradientCollector gc = manager.getEngine().newGradientCollector()) {
                                gc.backward(param.mul(c).sum());
                            }
                        }
                        opt.step(params, lr, scale);
                    }
                    assertEquals(3, opt.updates());
                    float[] got = param.toFloatArray();
                    for (int i = 0; i < 3; i++) {
                        assertEquals(w[i], got[i], 1e-6, mode + " element " + i);
                    }
                    try (NDArray g = param.getGradient()) {
                        assertArrayEquals(new float[3], g.toFloatArray(), 0f, mode + " gradient zeroed");
                    }
                }
            }
        }
    }

    @Test
    void schedulesWarmUpThenDecay() {
        LrSchedule linear = LrSchedule.linear(1.0, 10, 110, 0.1);
        assertEquals(0.1, linear.rate(0), 1e-12);
        assertEquals(1.0, linear.rate(9), 1e-12);
        assertEquals(1.0, linear.rate(10), 1e-12);
        assertEquals(0.55, linear.rate(60), 1e-12);
        assertEquals(0.1, linear.rate(110), 1e-12);
        LrSchedule cosine = LrSchedule.cosine(1.0, 0, 100, 0.0);
        assertEquals(0.5, cosine.rate(50), 1e-12);
        assertEquals(0.0, cosine.rate(100), 1e-12);
    }
}
