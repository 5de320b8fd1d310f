package org.creamlab.model.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FusedKernelsTest {

    private static NDManager manager;
    private static FusedKernels kernels;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
        kernels = FusedKernels.load(manager);
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void causalAttentionEqualsMaskedSoftmaxInValueAndGradient() {
        Shape s = new Shape(2, 3, 7, 8);
        compare(new Shape[] {s, s, s},
                in -> kernels.causalAttention(in[0], in[1], in[2]),
                in -> {
                    NDArray scores = in[0].matMul(in[1].transpose(0, 1, 3, 2));
                    float[] mask = new float[7 * 7];
                    for (int i = 0; i < 7; i++) {
                        for (int j = i + 1; j < 7; j++) {
                            mask[i * 7 + j] = Float.NEGATIVE_INFINITY;
                        }
                    }
                    return scores.add(in[0].getManager().create(mask, new Shape(7, 7))).softmax(-1).matMul(in[2]);
                });
    }

    @Test
    void attentionWithoutMaskLetsEveryQuerySeeEveryKey() {
        Shape q = new Shape(2, 3, 1, 8);
        Shape kv = new Shape(2, 3, 9, 8);
        compare(new Shape[] {q, kv, kv},
                in -> kernels.attention(in[0], in[1], in[2]),
                in -> in[0].matMul(in[1].transpose(0, 1, 3, 2)).softmax(-1).matMul(in[2]));
    }

    @Test
    void swiGluEqualsGateTimesSigmoidTimesUp() {
        Shape s = new Shape(2, 5, 12);
        compare(new Shape[] {s, s},
                in -> kernels.swiGlu(in[0], in[1]),
                in -> in[0].mul(Activation.sigmoid(in[0])).mul(in[1]));
    }

    @Test
    void resultsBelongToTheFirstInputsManager() {
        try (NDManager a = manager.newSubManager(); NDManager b = manager.newSubManager()) {
            NDArray g = a.randomNormal(new Shape(3, 4));
            NDArray u = b.randomNormal(new Shape(3, 4));
            assertSame(a, kernels.swiGlu(g, u).getManager());
        }
    }

    @Test
    void moduleSourceIsOneForwardMethodAndBadInputIsRejected() {
        TorchScriptModule m = new TorchScriptModule("Twice", "x: Tensor", "torch.add(x, x)");
        assertTrue(m.source().contains("def forward(self: __torch__.Twice, x: Tensor) -> Tensor:"), m.source());
        try (NDManager s = manager.newSubManager()) {
            NDArray x = s.create(new float[] {1, 2});
            NDArray y = ai.djl.pytorch.jni.IValueUtils.forward(m.load(s), new ai.djl.ndarray.NDList(x), true)
                    .singletonOrThrow();
            assertArrayEquals(new float[] {2, 4}, y.toFloatArray());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new TorchScriptModule("Broken", "x: Tensor", "torch.no_such_op(x)").load(s));
            assertTrue(e.getMessage().contains("Broken") && e.getMessage().contains("no_such_op"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new TorchScriptModule("not a name", "x: Tensor", "x"));
        assertThrows(IllegalArgumentException.class, () -> new TorchScriptModule("Two", "x: Tensor", "x\nx"));
    }

    /** Values and input gradients (of sum(out * random weights)) of both functions agree to 1e-5. */
    private static void compare(Shape[] shapes, Function<NDArray[], NDArray> fused, Function<NDArray[], NDArray> plain) {
        try (NDManager m = manager.newSubManager()) {
            m.getEngine().setRandomSeed(5);
            NDArray[] inputs = new NDArray[shapes.length];
            for (int i = 0; i < shapes.length; i++) {
                inputs[i] = m.randomNormal(shapes[i]);
            }
            float[][] a = valueAndGradients(m, inputs, fused);
            float[][] b = valueAndGradients(m, inputs, plain);
            assertEquals(b.length, a.length);
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(b[i], a[i], 1e-5f, i == 0 ? "value" : "gradient of input " + (i - 1));
            }
        }
    }

    private static float[][] valueAndGradients(NDManager m, NDArray[] inputs, Function<NDArray[], NDArray> f) {
        NDArray[] leaves = new NDArray[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            leaves[i] = inputs[i].duplicate();
            leaves[i].setRequiresGradient(true);
        }
        float[][] out = new float[inputs.length + 1][];
        try (GradientCollector gc = m.getEngine().newGradientCollector()) {
            NDArray y = f.apply(leaves);
            float[] mix = new float[Math.toIntExact(y.size())];
            java.util.SplittableRandom r = new java.util.SplittableRandom(9);
            for (int i = 0; i < mix.length; i++) {
                mix[i] = (float) r.nextGaussian();
            }
            NDArray weights = m.create(mix, y.getShape());
            out[0] = y.toFloatArray();
            gc.backward(y.mul(weights).sum());
        }
        for (int i = 0; i < leaves.length; i++) {
            out[i + 1] = leaves[i].getGradient().toFloatArray();
        }
        return out;
    }
}
