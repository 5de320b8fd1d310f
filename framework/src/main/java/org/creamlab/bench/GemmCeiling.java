package org.creamlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.creamlab.model.LlamaConfig;

/**
 * The matmul ceiling of a training step: every linear-layer GEMM of forward and backward replayed
 * alone at its own shape, giving the step's GEMM-only time and the best GFLOP/s any of its shapes
 * reaches.
 */
final class GemmCeiling {

    private GemmCeiling() {}

    /** Result of replaying every GEMM of a training step alone; {@code flops} is their sum. */
    record GemmReplay(double totalSeconds, int count, double flops, double bestGflops, String bestShape) {}

    /** One GEMM shape of the step: how to make its operands, how often it runs, its FLOPs. */
    private record Gemm(String name, int times, double flops, Supplier<NDArray[]> operands, boolean linear) {}

    /**
     * Replays the step's linear-layer matmuls, each at its own shape and operand layout
     * ({@code x W^T}, input gradients {@code dY W}, weight gradients {@code dY^T X}), times each
     * alone (best of 4 after one warm-up) and adds them up with their multiplicity. The attention
     * products are not among them: the model computes them inside the fused flash kernel, which
     * {@link ElementwiseGroups} times as one group. So the FLOPs replayed are the linear layers'
     * share of {@link Flops#train}.
     */
    static GemmReplay replay(NDManager manager, LlamaConfig c, int b, int t) {
        long n = (long) b * t;
        long d = c.hiddenSize();
        long kv = (long) c.kvHeads() * c.headDim();
        long f = c.intermediateSize();
        long v = c.vocabSize();
        int layers = c.layers();
        List<Gemm> gemms = new ArrayList<>();
        try (NDManager m = manager.newSubManager()) {
            // linear layers: (in, out, how many per step)
            long[][] linears = {{d, d, 2L * layers}, {d, kv, 2L * layers}, {d, f, 2L * layers}, {f, d, layers}, {d, v, 1}};
            for (long[] l : linears) {
                long in = l[0];
                long out = l[1];
                int times = (int) l[2];
                double fl = 2.0 * n * in * out;
                gemms.add(new Gemm(String.format("fwd x%dx%d W^T %dx%d", n, in, out, in), times, fl,
                        () -> new NDArray[] {m.randomNormal(new Shape(n, in)), m.randomNormal(new Shape(out, in))}, true));
                gemms.add(new Gemm(String.format("dX %dx%d W %dx%d", n, out, out, in), times, fl,
                        () -> new NDArray[] {m.randomNormal(new Shape(n, out)), m.randomNormal(new Shape(out, in))}, false));
                gemms.add(new Gemm(String.format("dW dY^T %dx%d X %dx%d", out, n, n, in), times, fl,
                        () -> new NDArray[] {m.randomNormal(new Shape(n, out)).transpose(), m.randomNormal(new Shape(n, in))}, false));
            }
            return time(m, gemms);
        }
    }

    private static GemmReplay time(NDManager m, List<Gemm> gemms) {
        double total = 0;
        int count = 0;
        double flops = 0;
        double best = 0;
        String bestName = "";
        for (Gemm g : gemms) {
            try (NDManager s = m.newSubManager()) {
                NDArray[] ops = g.operands.get();
                for (NDArray a : ops) {
                    a.attach(s);
                }
                double seconds = Timing.bestOf(4, () -> {
                    NDArray out = g.linear ? Linear.linear(ops[0], ops[1]).singletonOrThrow() : ops[0].matMul(ops[1]);
                    out.close();
                });
                total += g.times * seconds;
                count += g.times;
                flops += g.times * g.flops;
                double gflops = g.flops / seconds / 1e9;
                if (gflops > best) {
                    best = gflops;
                    bestName = g.name;
                }
            }
        }
        return new GemmReplay(total, count, flops, best, bestName);
    }
}
