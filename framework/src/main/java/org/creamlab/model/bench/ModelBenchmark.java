package org.creamlab.model.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.creamlab.model.LlamaConfig;
import org.creamlab.model.LlamaModel;
import org.creamlab.model.LlamaWeights;
import org.creamlab.rope.NoScaling;
import org.creamlab.train.AdamW;
import org.creamlab.train.Batch;
import org.creamlab.train.BatchSource;
import org.creamlab.train.LrSchedule;
import org.creamlab.train.StepResult;
import org.creamlab.train.Trainer;
import org.creamlab.train.TrainingConfig;
import org.creamlab.train.TrainingListener;

/**
 * Measures training throughput, long-sequence forward time and peak memory, and achieved GFLOP/s
 * against a measured matmul ceiling on the model's GEMM shapes. Run with
 * {@code java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=N ... ModelBenchmark [steps]}.
 */
public final class ModelBenchmark {

    private ModelBenchmark() {}

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        System.out.printf("threads=%s%n", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        try (NDManager manager = NDManager.newBaseManager()) {
            LlamaConfig small = config(128, 2, 4, 512);
            LlamaConfig medium = config(256, 4, 8, 512);
            for (int t : new int[] {1024, 4096}) {
                forward(manager, medium, t);
            }
            for (LlamaConfig c : new LlamaConfig[] {small, medium}) {
                for (AdamW.Mode mode : new AdamW.Mode[] {AdamW.Mode.NATIVE, AdamW.Mode.EXPLICIT, AdamW.Mode.NATIVE}) {
                    optimizer(manager, c, mode, 50);
                }
            }
            for (AdamW.Mode mode : new AdamW.Mode[] {AdamW.Mode.EXPLICIT, AdamW.Mode.NATIVE}) {
                train(manager, small, 128, 16, steps, mode);
                train(manager, medium, 256, 8, Math.max(5, steps / 2), mode);
            }
        }
    }

    static LlamaConfig config(int d, int layers, int heads, int vocab) {
        return LlamaConfig.builder().vocabSize(vocab).hiddenSize(d).layers(layers).heads(heads).window(128).build();
    }

    private static void train(NDManager manager, LlamaConfig config, int t, int b, int steps, AdamW.Mode mode)
            throws Exception {
        int warmup = 3;
        BatchSource source = (step, micro, random) -> Batch.nextToken(tokens(random, b, t, config.vocabSize()), positions(b, t));
        TrainingConfig tc = TrainingConfig.builder().totalSteps(warmup + steps).schedule(LrSchedule.constant(1e-3, 0))
                .optimizer(mode).build();
        long[] timed = new long[1];
        double[] seconds = new double[1];
        TrainingListener timer = new TrainingListener() {
            @Override
            public void onStep(StepResult r) {
                if (r.step() >= warmup) {
                    timed[0] += r.tokens();
                    seconds[0] += r.stepSeconds();
                }
            }
        };
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, config, 1);
                Trainer trainer = new Trainer(w, new NoScaling(), tc, source, List.of(timer))) {
            trainer.run();
        }
        double msPerStep = 1000 * seconds[0] / steps;
        double tokensPerSecond = timed[0] / seconds[0];
        double flopsPerStep = 3 * forwardFlops(config, b, t);
        double ceiling = matmulCeiling(manager, config, b * t);
        System.out.printf("train d=%d L=%d T=%d B=%d params=%.2fM adamw=%s: %.1f ms/step, %.0f tokens/s, %.2f GFLOP/s"
                        + " (matmul ceiling on these shapes %.1f GFLOP/s, %.0f%%)%n",
                config.hiddenSize(), config.layers(), t, b, config.parameterCount() / 1e6, mode, msPerStep,
                tokensPerSecond, flopsPerStep / (msPerStep / 1000) / 1e9, ceiling,
                100 * flopsPerStep / (msPerStep / 1000) / 1e9 / ceiling);
    }

    /** Time of the AdamW update alone (gradients present, values irrelevant to the cost). */
    private static void optimizer(NDManager manager, LlamaConfig config, AdamW.Mode mode, int reps) {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, config, 1);
                AdamW opt = new AdamW(m, w.arrays(), mode, 0.9, 0.95, 1e-8, 0.1)) {
            w.setRequiresGradient(true);
            double total = 0;
            for (int i = 0; i < reps + 5; i++) {
                try (NDManager step = m.newSubManager();
                        ai.djl.training.GradientCollector gc = m.getEngine().newGradientCollector()) {
                    NDArray loss = null;
                    for (NDArray p : w.arrays().values()) {
                        NDArray s = p.sum();
                        s.attach(step);
                        loss = loss == null ? s : loss.add(s);
                    }
                    gc.backward(loss);
                }
                long start = System.nanoTime();
                opt.step(w.arrays(), 1e-3, 1.0);
                if (i >= 5) {
                    total += (System.nanoTime() - start) / 1e6;
                }
            }
            System.out.printf("adamw %s d=%d L=%d (%.2fM params): %.2f ms/update%n", mode, config.hiddenSize(),
                    config.layers(), config.parameterCount() / 1e6, total / reps);
        }
    }

    private static void forward(NDManager manager, LlamaConfig config, int t) {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, config, 1)) {
            LlamaModel model = new LlamaModel(w);
            int[][] x = tokens(new SplittableRandom(t), 1, t, config.vocabSize());
            long[][] p = positions(1, t);
            try (NDManager warm = m.newSubManager()) {
                model.logitsLowMemory(warm, x, p, new NoScaling(), LlamaModel.DEFAULT_QUERY_CHUNK, true);
            }
            System.gc();
            double before = ProcessMemory.currentMiB();
            boolean reset = ProcessMemory.resetPeak();
            long start = System.nanoTime();
            try (NDManager run = m.newSubManager()) {
                model.logitsLowMemory(run, x, p, new NoScaling(), LlamaModel.DEFAULT_QUERY_CHUNK, false).toFloatArray();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double flops = forwardFlops(config, 1, t);
            System.out.printf("forward d=%d L=%d T=%d B=1 (query chunk %d): %.3f s, %.2f GFLOP/s, RSS before %.0f MiB,"
                            + " peak %s %.0f MiB%n",
                    config.hiddenSize(), config.layers(), t, LlamaModel.DEFAULT_QUERY_CHUNK, seconds, flops / seconds / 1e9,
                    before, reset ? "during forward" : "of process (VmHWM, reset not allowed)", ProcessMemory.peakMiB());
        }
    }

    /** Matmul FLOPs of one forward: projections, MLP, head, and full (unmasked) attention. */
    static double forwardFlops(LlamaConfig c, int b, int t) {
        double tokens = (double) b * t;
        double d = c.hiddenSize();
        double kv = c.kvHeads() * c.headDim();
        double perLayer = 2 * tokens * (2 * d * d + 2 * d * kv + 3 * d * c.intermediateSize())
                + 2 * 2 * b * (double) t * t * d;
        return c.layers() * perLayer + 2 * tokens * d * c.vocabSize();
    }

    /** Best GFLOP/s of fp32 matmul over the model's GEMM shapes (rows x d x d, x F, x V). */
    static double matmulCeiling(NDManager manager, LlamaConfig c, int rows) {
        long d = c.hiddenSize();
        long[] outs = {d, c.intermediateSize(), c.vocabSize()};
        double best = 0;
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.randomNormal(new Shape(rows, d));
            for (long out : outs) {
                NDArray w = m.randomNormal(new Shape(d, out));
                for (int i = 0; i < 3; i++) {
                    x.matMul(w).close();
                }
                int reps = 20;
                long start = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    x.matMul(w).close();
                }
                double s = (System.nanoTime() - start) / 1e9 / reps;
                best = Math.max(best, 2.0 * rows * d * out / s / 1e9);
            }
        }
        return best;
    }

    private static int[][] tokens(SplittableRandom r, int b, int t, int vocab) {
        int[][] x = new int[b][t];
        for (int[] row : x) {
            for (int j = 0; j < t; j++) {
                row[j] = r.nextInt(vocab);
            }
        }
        return x;
    }

    private static long[][] positions(int b, int t) {
        long[][] p = new long[b][t];
        for (long[] row : p) {
            for (int j = 0; j < t; j++) {
                row[j] = j;
            }
        }
        return p;
    }
}
