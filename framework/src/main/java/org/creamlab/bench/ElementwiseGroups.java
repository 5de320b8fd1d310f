package org.creamlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.creamlab.model.LlamaConfig;
import org.creamlab.model.kernels.FusedKernels;

/** The non-GEMM share of a training step: the elementwise op groups, each replayed alone. */
final class ElementwiseGroups {

    private ElementwiseGroups() {}

    /**
     * Forward + backward time per training step of the non-GEMM op groups, each replayed alone at
     * the step's shapes with the same op sequence as the model's DecoderOps / LanguageModelLoss
     * (with its default fused kernels: the attention group is libtorch's flash kernel, its matmuls
     * included, which {@link GemmCeiling} therefore leaves out), times its multiplicity per step.
     * Best of 6 after one warm-up.
     */
    static Map<String, Double> measure(NDManager manager, LlamaConfig c, int b, int t) {
        int d = c.hiddenSize();
        int h = c.heads();
        int hd = c.headDim();
        int f = c.intermediateSize();
        int v = c.vocabSize();
        int layers = c.layers();
        Map<String, Double> out = new LinkedHashMap<>();
        try (NDManager m = manager.newSubManager()) {
            FusedKernels kernels = FusedKernels.load(m);
            NDArray eps = m.create((float) c.rmsNormEps());
            out.put("rmsnorm (2L+1)", (2 * layers + 1) * fwdBwd(m, new Shape[] {new Shape(b, t, d), new Shape(d)},
                    a -> a[0].div(a[0].square().mean(new int[] {-1}, true).add(eps).sqrt()).mul(a[1])));
            NDArray cos = m.randomNormal(new Shape(b, 1, t, hd));
            NDArray sin = m.randomNormal(new Shape(b, 1, t, hd));
            NDArray rotation = m.randomNormal(new Shape(hd, hd));
            out.put("rope q,k (2L)", 2 * layers * fwdBwd(m, new Shape[] {new Shape(b, t, h, hd)},
                    a -> {
                        NDArray x = a[0].transpose(0, 2, 1, 3);
                        return x.mul(cos).add(x.matMul(rotation).mul(sin));
                    }));
            // attention runs in libtorch's flash kernel (FusedKernels), its QK^T and PV products included
            NDArray attentionScale = m.create((float) (1 / Math.sqrt(hd)));
            Shape heads = new Shape(b, h, t, hd);
            out.put("attention: fused flash kernel (L)", layers * fwdBwd(m, new Shape[] {heads, heads, heads},
                    a -> kernels.causalAttention(a[0].mul(attentionScale), a[1], a[2])));
            out.put("merge heads (L)", layers * fwdBwd(m, new Shape[] {new Shape(b, h, t, hd)},
                    a -> a[0].transpose(0, 2, 1, 3).reshape(b, t, d)));
            out.put("silu*up (L)", layers * fwdBwd(m, new Shape[] {new Shape(b, t, f), new Shape(b, t, f)},
                    a -> kernels.swiGlu(a[0], a[1])));
            out.put("residual add (2L)", 2 * layers * fwdBwd(m, new Shape[] {new Shape(b, t, d), new Shape(b, t, d)},
                    a -> a[0].add(a[1])));
            SplittableRandom r = new SplittableRandom(7);
            long[] ids = new long[b * t];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = r.nextInt(v);
            }
            NDArray idArray = m.create(ids, new Shape(b, t));
            out.put("embedding (1)", fwdBwd(m, new Shape[] {new Shape(v, d)},
                    a -> Embedding.embedding(idArray, a[0], SparseFormat.DENSE).singletonOrThrow()));
            NDArray targets = m.create(ids, new Shape(b, t, 1));
            NDArray mask = m.ones(new Shape(b, t, 1));
            NDArray scale = m.create(1f / (b * (t - 1)));
            out.put("loss: log-softmax+gather (1)", fwdBwd(m, new Shape[] {new Shape(b, t, v)},
                    a -> a[0].logSoftmax(-1).gather(targets, 2).mul(mask).sum().mul(scale).neg()));
        }
        return out;
    }

    private interface Op {
        NDArray apply(NDArray[] inputs);
    }

    /** Best time (s) of forward + backward of {@code op} on fresh leaf inputs of the given shapes. */
    private static double fwdBwd(NDManager parent, Shape[] shapes, Op op) {
        try (NDManager m = parent.newSubManager()) {
            NDArray[] inputs = new NDArray[shapes.length];
            for (int i = 0; i < shapes.length; i++) {
                inputs[i] = m.randomNormal(shapes[i]);
                inputs[i].setRequiresGradient(true);
            }
            return Timing.bestOf(6, () -> {
                try (NDManager s = m.newSubManager(); GradientCollector gc = m.getEngine().newGradientCollector()) {
                    NDArray y = op.apply(inputs);
                    y.attach(s);
                    gc.backward(y);
                }
                for (NDArray in : inputs) {
                    if (in instanceof PtNDArray pt) {
                        JniUtils.zeroGrad(pt);
                    }
                }
            });
        }
    }
}
