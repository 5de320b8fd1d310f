package org.creamlab.model.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
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
 * against a matmul ceiling measured on the model's own GEMM shapes, with the time of a step split
 * into GEMMs, the optimizer, the elementwise op groups and the rest. {@code bench/run.sh} runs it
 * next to the PyTorch reference {@code bench/llama_reference.py} and joins the {@code BENCH {json}}
 * lines it prints into one table.
 *
 * <p>Commands ({@code java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=N ... ModelBenchmark CMD}):
 * <ul>
 *   <li>{@code train [timedSmall] [timedMedium]}: training of (d=128, 2 layers, T=128, B=16) and
 *       (d=256, 4 layers, T=256, B=8), each with its ceiling and step breakdown;</li>
 *   <li>{@code forward T layers [queryChunk]}: one low-memory forward at B=1, d=256 (run each in a
 *       fresh JVM so that peak RSS figures do not mix);</li>
 *   <li>{@code adamw}: the NATIVE vs EXPLICIT AdamW update time;</li>
 *   <li>{@code all [steps]} (the default): everything above in one process, human-readable.</li>
 * </ul>
 */
public final class ModelBenchmark {

    /** Steps run before timing starts (allocator, oneDNN/BLAS initialisation). */
    static final int WARMUP_STEPS = 3;

    private ModelBenchmark() {}

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "all";
        System.out.printf("threads=%s%n", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        try (NDManager manager = NDManager.newBaseManager()) {
            switch (command) {
                case "train" -> {
                    int small = args.length > 1 ? Integer.parseInt(args[1]) : 12;
                    int medium = args.length > 2 ? Integer.parseInt(args[2]) : 6;
                    trainReport(manager, smallConfig(), 128, 16, small);
                    trainReport(manager, mediumConfig(4), 256, 8, medium);
                }
                case "forward" -> {
                    int t = Integer.parseInt(args[1]);
                    int layers = Integer.parseInt(args[2]);
                    int chunk = args.length > 3 ? Integer.parseInt(args[3]) : LlamaModel.DEFAULT_QUERY_CHUNK;
                    forward(manager, mediumConfig(layers), t, chunk);
                }
                case "adamw" -> {
                    for (LlamaConfig c : new LlamaConfig[] {smallConfig(), mediumConfig(4)}) {
                        for (AdamW.Mode mode : new AdamW.Mode[] {AdamW.Mode.NATIVE, AdamW.Mode.EXPLICIT, AdamW.Mode.NATIVE}) {
                            System.out.printf("adamw %s d=%d L=%d (%.2fM params): %.2f ms/update%n", mode,
                                    c.hiddenSize(), c.layers(), c.parameterCount() / 1e6, optimizerMs(manager, c, mode, 50));
                        }
                    }
                }
                case "all" -> {
                    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 12;
                    forward(manager, mediumConfig(4), 1024, LlamaModel.DEFAULT_QUERY_CHUNK);
                    forward(manager, mediumConfig(4), 4096, LlamaModel.DEFAULT_QUERY_CHUNK);
                    trainReport(manager, smallConfig(), 128, 16, steps);
                    trainReport(manager, mediumConfig(4), 256, 8, Math.max(4, steps / 2));
                }
                default -> throw new IllegalArgumentException("unknown command " + command
                        + "; use train [timedSmall] [timedMedium] | forward T layers [chunk] | adamw | all [steps]");
            }
        }
    }

    /** d=128, 2 layers, 4 heads, V=512, FFN 4d=512, tied head. */
    static LlamaConfig smallConfig() {
        return config(128, 2, 4, 512);
    }

    /** d=256, {@code layers} layers, 8 heads, V=512, FFN 4d=1024, tied head. */
    static LlamaConfig mediumConfig(int layers) {
        return config(256, layers, 8, 512);
    }

    static LlamaConfig config(int d, int layers, int heads, int vocab) {
        return LlamaConfig.builder().vocabSize(vocab).hiddenSize(d).layers(layers).heads(heads).window(128).build();
    }

    // ---------------------------------------------------------------- training

    /** Per-step times (seconds, after warm-up) and the first loss of one training run. */
    record TrainTimes(double[] seconds, double firstLoss, double lastLoss, long tokensPerStep, double faultsPerStep,
            double userPerStep, double systemPerStep) {
        double median() {
            return ModelBenchmark.median(seconds);
        }

        double min() {
            return Arrays.stream(seconds).min().orElse(Double.NaN);
        }

        double mean() {
            return Arrays.stream(seconds).average().orElse(Double.NaN);
        }
    }

    /** Trains {@code WARMUP_STEPS + steps} steps (constant lr 1e-3, AdamW NATIVE, betas 0.9/0.95, clip 1). */
    static TrainTimes train(NDManager manager, LlamaConfig config, int t, int b, int steps) throws Exception {
        BatchSource source = (step, micro, random) -> Batch.nextToken(tokens(random, b, t, config.vocabSize()), positions(b, t));
        TrainingConfig tc = TrainingConfig.builder().totalSteps(WARMUP_STEPS + steps).schedule(LrSchedule.constant(1e-3, 0))
                .optimizer(AdamW.Mode.NATIVE).build();
        List<Double> timed = new ArrayList<>();
        double[] losses = {Double.NaN, Double.NaN};
        double[][] proc = new double[2][];
        TrainingListener timer = new TrainingListener() {
            @Override
            public void onStep(StepResult r) {
                if (r.step() == WARMUP_STEPS - 1) {
                    proc[0] = ProcessMemory.faultsUserSystem();
                }
                if (r.step() == WARMUP_STEPS + steps - 1) {
                    proc[1] = ProcessMemory.faultsUserSystem();
                }
                if (r.step() == 0) {
                    losses[0] = r.loss();
                }
                losses[1] = r.loss();
                if (r.step() >= WARMUP_STEPS) {
                    timed.add(r.stepSeconds());
                }
            }
        };
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, config, 1);
                Trainer trainer = new Trainer(w, new NoScaling(), tc, source, List.of(timer))) {
            trainer.run();
        }
        double[] perStep = new double[3];
        for (int i = 0; i < 3; i++) {
            perStep[i] = (proc[1][i] - proc[0][i]) / steps;
        }
        return new TrainTimes(timed.stream().mapToDouble(Double::doubleValue).toArray(), losses[0], losses[1], (long) b * t,
                perStep[0], perStep[1], perStep[2]);
    }

    /**
     * Training throughput of one configuration, its GEMM ceiling and the split of its step time:
     * GEMMs (every matmul of forward and backward replayed alone at its shape), optimizer (global
     * norm + AdamW), elementwise op groups (forward + backward replayed alone) and the rest (op
     * dispatch, autograd bookkeeping, allocation). A step at B=1, T=8 gives the fixed per-step cost.
     */
    static void trainReport(NDManager manager, LlamaConfig c, int t, int b, int steps) throws Exception {
        TrainTimes times = train(manager, c, t, b, steps);
        double step = times.median();
        double flops = trainFlops(c, b, t);
        GemmReplay gemm = gemmReplay(manager, c, b, t);
        double optimizer = optimizerMs(manager, c, AdamW.Mode.NATIVE, 10) / 1000;
        Map<String, Double> groups = elementwiseGroups(manager, c, b, t);
        double elementwise = groups.values().stream().mapToDouble(Double::doubleValue).sum();
        TrainTimes tiny = train(manager, c, 8, 1, 10);
        double fixed = tiny.median();
        double rest = step - gemm.totalSeconds - optimizer - elementwise;
        double achieved = flops / step / 1e9;

        System.out.printf("train d=%d L=%d T=%d B=%d params=%d: median %.1f ms/step (min %.1f, mean %.1f, %d timed steps),"
                        + " %.0f tokens/s, %.2f GFLOP/s; loss %.3f -> %.3f%n",
                c.hiddenSize(), c.layers(), t, b, c.parameterCount(), 1000 * step, 1000 * times.min(), 1000 * times.mean(),
                times.seconds().length, times.tokensPerStep() / step, achieved, times.firstLoss(), times.lastLoss());
        System.out.printf("  matmul ceiling (best of the step's GEMM shapes, %s): %.1f GFLOP/s -> %.0f%% of ceiling%n",
                gemm.bestShape, gemm.bestGflops, 100 * achieved / gemm.bestGflops);
        System.out.printf("  GEMMs alone (%d matmuls/step at their shapes): %.1f ms = %.1f GFLOP/s -> step reaches %.0f%% of"
                        + " its GEMM-only time%n",
                gemm.count, 1000 * gemm.totalSeconds, flops / gemm.totalSeconds / 1e9, 100 * gemm.totalSeconds / step);
        System.out.printf("  step %.1f ms = GEMM %.1f + optimizer (grad norm + AdamW) %.1f + elementwise groups %.1f"
                        + " + rest (dispatch/autograd/allocation) %.1f%n",
                1000 * step, 1000 * gemm.totalSeconds, 1000 * optimizer, 1000 * elementwise, 1000 * rest);
        groups.forEach((k, v) -> System.out.printf("    %-34s %7.1f ms/step (L = %d layers)%n", k, 1000 * v, c.layers()));
        System.out.printf("  fixed cost per step (same model, B=1 T=8): %.1f ms, of which optimizer %.1f%n",
                1000 * fixed, 1000 * optimizer);
        System.out.printf("  per timed step: %.0f minor page faults, CPU user %.1f ms, system (kernel) %.1f ms%n",
                times.faultsPerStep(), 1000 * times.userPerStep(), 1000 * times.systemPerStep());

        Map<String, Object> j = new LinkedHashMap<>();
        j.put("side", "creamlab");
        j.put("kind", "train");
        j.put("d", c.hiddenSize());
        j.put("layers", c.layers());
        j.put("heads", c.heads());
        j.put("ffn", c.intermediateSize());
        j.put("vocab", c.vocabSize());
        j.put("T", t);
        j.put("B", b);
        j.put("params", c.parameterCount());
        j.put("params_counted", countParameters(manager, c));
        j.put("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        j.put("timed_steps", times.seconds().length);
        j.put("ms_per_step", 1000 * step);
        j.put("ms_per_step_min", 1000 * times.min());
        j.put("ms_per_step_mean", 1000 * times.mean());
        j.put("tokens_per_s", times.tokensPerStep() / step);
        j.put("flops_per_step", flops);
        j.put("gflops", achieved);
        j.put("ceiling_gflops", gemm.bestGflops);
        j.put("ceiling_shape", gemm.bestShape);
        j.put("gemm_ms", 1000 * gemm.totalSeconds);
        j.put("gemm_count", gemm.count);
        j.put("optimizer_ms", 1000 * optimizer);
        j.put("elementwise_ms", 1000 * elementwise);
        groups.forEach((k, v) -> j.put("ew_" + k.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", ""), 1000 * v));
        j.put("rest_ms", 1000 * rest);
        j.put("tiny_step_ms", 1000 * fixed);
        j.put("page_faults_per_step", times.faultsPerStep());
        j.put("user_ms_per_step", 1000 * times.userPerStep());
        j.put("system_ms_per_step", 1000 * times.systemPerStep());
        j.put("loss_first", times.firstLoss());
        j.put("loss_last", times.lastLoss());
        emit(j);
    }

    /** Scalars in the weights the model actually allocates (checked against {@link LlamaConfig#parameterCount}). */
    static long countParameters(NDManager manager, LlamaConfig c) {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, c, 1)) {
            return w.arrays().values().stream().mapToLong(NDArray::size).sum();
        }
    }

    // ---------------------------------------------------------------- FLOPs and GEMMs

    /** Matmul FLOPs of one forward: projections, MLP, head, and full (unmasked) attention. */
    static double forwardFlops(LlamaConfig c, int b, int t) {
        double tokens = (double) b * t;
        double d = c.hiddenSize();
        double kv = c.kvHeads() * c.headDim();
        double perLayer = 2 * tokens * (2 * d * d + 2 * d * kv + 3 * d * c.intermediateSize())
                + 2 * 2 * b * (double) t * t * d;
        return c.layers() * perLayer + 2 * tokens * d * c.vocabSize();
    }

    /** One training step: forward plus backward (two matmuls per forward matmul). */
    static double trainFlops(LlamaConfig c, int b, int t) {
        return 3 * forwardFlops(c, b, t);
    }

    /** Result of replaying every GEMM of a training step alone. */
    record GemmReplay(double totalSeconds, int count, double bestGflops, String bestShape) {}

    /** One GEMM shape of the step: how to make its operands, how often it runs, its FLOPs. */
    private record Gemm(String name, int times, double flops, Supplier<NDArray[]> operands, boolean linear) {}

    /**
     * Replays the step's matmuls, each at its own shape and operand layout (the linear layers as
     * {@code x W^T}, input gradients {@code dY W}, weight gradients {@code dY^T X}; the attention
     * products on {@code (B, H, T, hd)} with the transposed views the model uses), times each alone
     * (best of 3 after one warm-up) and adds them up with their multiplicity. The FLOPs replayed
     * equal {@link #trainFlops} exactly.
     */
    static GemmReplay gemmReplay(NDManager manager, LlamaConfig c, int b, int t) {
        long n = (long) b * t;
        long d = c.hiddenSize();
        long kv = (long) c.kvHeads() * c.headDim();
        long f = c.intermediateSize();
        long v = c.vocabSize();
        int layers = c.layers();
        long h = c.heads();
        long hd = c.headDim();
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
            double att = 2.0 * b * h * t * t * hd;
            Shape qShape = new Shape(b, h, t, hd);
            Shape sShape = new Shape(b, h, t, t);
            gemms.add(new Gemm("attn Q K^T", layers, att,
                    () -> new NDArray[] {m.randomNormal(qShape), m.randomNormal(qShape).transpose(0, 1, 3, 2)}, false));
            gemms.add(new Gemm("attn P V", layers, att,
                    () -> new NDArray[] {m.randomNormal(sShape), m.randomNormal(qShape)}, false));
            gemms.add(new Gemm("attn dP = dO V^T", layers, att,
                    () -> new NDArray[] {m.randomNormal(qShape), m.randomNormal(qShape).transpose(0, 1, 3, 2)}, false));
            gemms.add(new Gemm("attn dV = P^T dO", layers, att,
                    () -> new NDArray[] {m.randomNormal(sShape).transpose(0, 1, 3, 2), m.randomNormal(qShape)}, false));
            gemms.add(new Gemm("attn dQ = dS K", layers, att,
                    () -> new NDArray[] {m.randomNormal(sShape), m.randomNormal(qShape)}, false));
            gemms.add(new Gemm("attn dK = dS^T Q", layers, att,
                    () -> new NDArray[] {m.randomNormal(sShape).transpose(0, 1, 3, 2), m.randomNormal(qShape)}, false));

            double total = 0;
            int count = 0;
            double best = 0;
            String bestName = "";
            for (Gemm g : gemms) {
                try (NDManager s = m.newSubManager()) {
                    NDArray[] ops = g.operands.get();
                    for (NDArray a : ops) {
                        a.attach(s);
                    }
                    double seconds = bestOf(4, () -> {
                        NDArray out = g.linear ? Linear.linear(ops[0], ops[1]).singletonOrThrow() : ops[0].matMul(ops[1]);
                        out.close();
                    });
                    total += g.times * seconds;
                    count += g.times;
                    double gflops = g.flops / seconds / 1e9;
                    if (gflops > best) {
                        best = gflops;
                        bestName = g.name;
                    }
                }
            }
            return new GemmReplay(total, count, best, bestName);
        }
    }

    // ---------------------------------------------------------------- optimizer

    /** Time of the global gradient norm plus the AdamW update alone, in ms (gradients present, values irrelevant). */
    static double optimizerMs(NDManager manager, LlamaConfig config, AdamW.Mode mode, int reps) {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, config, 1);
                AdamW opt = new AdamW(m, w.arrays(), mode, 0.9, 0.95, 1e-8, 0.0)) {
            w.setRequiresGradient(true);
            double[] times = new double[reps];
            for (int i = 0; i < reps + 3; i++) {
                try (NDManager step = m.newSubManager(); GradientCollector gc = m.getEngine().newGradientCollector()) {
                    NDArray loss = null;
                    for (NDArray p : w.arrays().values()) {
                        NDArray s = p.sum();
                        s.attach(step);
                        loss = loss == null ? s : loss.add(s);
                    }
                    gc.backward(loss);
                }
                long start = System.nanoTime();
                double norm;
                try (NDManager sub = m.newSubManager()) {
                    NDArray total = null;
                    for (NDArray p : w.arrays().values()) {
                        NDArray g = p.getGradient();
                        g.attach(sub);
                        NDArray sq = g.square().sum();
                        total = total == null ? sq : total.add(sq);
                    }
                    norm = Math.sqrt(total.getFloat());
                }
                opt.step(w.arrays(), 1e-3, norm > 1 ? 1 / (norm + 1e-6) : 1.0);
                if (i >= 3) {
                    times[i - 3] = (System.nanoTime() - start) / 1e6;
                }
            }
            return median(times);
        }
    }

    // ---------------------------------------------------------------- elementwise op groups

    /**
     * Forward + backward time per training step of the non-GEMM op groups, each replayed alone at
     * the step's shapes with the same op sequence as the model's DecoderOps / LanguageModelLoss,
     * times its multiplicity per step. Best of 3 after one warm-up.
     */
    static Map<String, Double> elementwiseGroups(NDManager manager, LlamaConfig c, int b, int t) {
        int d = c.hiddenSize();
        int h = c.heads();
        int hd = c.headDim();
        int f = c.intermediateSize();
        int v = c.vocabSize();
        int layers = c.layers();
        Map<String, Double> out = new LinkedHashMap<>();
        try (NDManager m = manager.newSubManager()) {
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
            // the model builds the (T, T) mask on the host in every layer (ForwardContext.causalMask)
            out.put("causal mask build (per use)", layers * bestOf(6, () -> causalMask(m, t).close()));
            NDArray built = causalMask(m, t);
            out.put("mask add+softmax (L)", layers * fwdBwd(m, new Shape[] {new Shape(b, h, t, t)},
                    a -> a[0].add(built).softmax(-1)));
            out.put("merge heads (L)", layers * fwdBwd(m, new Shape[] {new Shape(b, h, t, hd)},
                    a -> a[0].transpose(0, 2, 1, 3).reshape(b, t, d)));
            out.put("silu*up (L)", layers * fwdBwd(m, new Shape[] {new Shape(b, t, f), new Shape(b, t, f)},
                    a -> a[0].mul(Activation.sigmoid(a[0])).mul(a[1])));
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
            return bestOf(6, () -> {
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

    /** The additive (T, T) causal mask, built on the host as ForwardContext does. */
    private static NDArray causalMask(NDManager m, int t) {
        float[] mask = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                mask[i * t + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return m.create(mask, new Shape(t, t));
    }

    // ---------------------------------------------------------------- forward

    /**
     * One low-memory forward at B=1 after a warm-up forward of the same length: time, GFLOP/s,
     * resident set after the weights (baseline) and the process peak (VmHWM, covering weights,
     * warm-up and the timed forward). Meant for a fresh JVM per configuration.
     */
    static void forward(NDManager manager, LlamaConfig config, int t, int chunk) {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, config, 1)) {
            LlamaModel model = new LlamaModel(w);
            int[][] x = tokens(new SplittableRandom(t), 1, t, config.vocabSize());
            long[][] p = positions(1, t);
            System.gc();
            double baseline = ProcessMemory.currentMiB();
            try (NDManager warm = m.newSubManager()) {
                model.logitsLowMemory(warm, x, p, new NoScaling(), chunk, true);
            }
            double[] before = ProcessMemory.faultsUserSystem();
            long start = System.nanoTime();
            float[] logits;
            try (NDManager run = m.newSubManager()) {
                logits = model.logitsLowMemory(run, x, p, new NoScaling(), chunk, false).toFloatArray();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] after = ProcessMemory.faultsUserSystem();
            double peak = ProcessMemory.peakMiB();
            // the JVM heap is part of the RSS: the host-built causal masks are Java garbage until a GC
            double heapCommitted = Runtime.getRuntime().totalMemory() / 1048576.0;
            double direct = java.lang.management.ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class)
                    .stream().filter(bp -> bp.getName().equals("direct")).mapToLong(java.lang.management.BufferPoolMXBean::getMemoryUsed)
                    .sum() / 1048576.0;
            double flops = forwardFlops(config, 1, t);
            System.out.printf("forward d=%d L=%d T=%d B=1 (query chunk %d): %.3f s, %.2f GFLOP/s, RSS after weights %.0f MiB,"
                            + " process peak %.0f MiB (+%.0f MiB, JVM heap committed %.0f MiB, direct buffers %.0f MiB); %.0f minor faults, user %.2f s,"
                            + " system %.2f s%n",
                    config.hiddenSize(), config.layers(), t, chunk, seconds, flops / seconds / 1e9, baseline, peak,
                    peak - baseline, heapCommitted, direct, after[0] - before[0], after[1] - before[1], after[2] - before[2]);
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("side", "creamlab");
            j.put("kind", "forward");
            j.put("d", config.hiddenSize());
            j.put("layers", config.layers());
            j.put("T", t);
            j.put("B", 1);
            j.put("chunk", chunk);
            j.put("params", config.parameterCount());
            j.put("params_counted", w.arrays().values().stream().mapToLong(NDArray::size).sum());
            j.put("threads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
            j.put("seconds", seconds);
            j.put("gflops", flops / seconds / 1e9);
            j.put("baseline_mib", baseline);
            j.put("peak_mib", peak);
            j.put("jvm_heap_committed_mib", heapCommitted);
            j.put("jvm_direct_buffers_mib", direct);
            j.put("page_faults", after[0] - before[0]);
            j.put("user_s", after[1] - before[1]);
            j.put("system_s", after[2] - before[2]);
            j.put("logits", logits.length);
            emit(j);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Best wall time (s) of {@code reps} runs after one warm-up run. */
    static double bestOf(int reps, Runnable r) {
        r.run();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Prints {@code BENCH {json}} (flat object of numbers and strings) for bench/run.sh to join. */
    static void emit(Map<String, Object> fields) {
        StringBuilder sb = new StringBuilder("BENCH {");
        boolean first = true;
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append('"').append(e.getKey()).append("\": ");
            Object v = e.getValue();
            if (v instanceof Double dv) {
                sb.append(Double.isFinite(dv) ? String.format(Locale.ROOT, "%.6g", dv) : "null");
            } else if (v instanceof Number) {
                sb.append(v);
            } else {
                sb.append('"').append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        System.out.println(sb.append('}'));
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
