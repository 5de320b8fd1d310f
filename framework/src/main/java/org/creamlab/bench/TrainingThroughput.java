package org.creamlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creamlab.model.LlamaConfig;
import org.creamlab.model.LlamaWeights;
import org.creamlab.bench.GemmCeiling.GemmReplay;
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
 * Training throughput of one configuration (timed steps, tokens/s, GFLOP/s), set against its
 * {@link GemmCeiling} and with the step time split into GEMMs, {@link OptimizerTime},
 * {@link ElementwiseGroups} and the rest.
 */
final class TrainingThroughput {

    /** Steps run before timing starts (allocator, oneDNN/BLAS initialisation). */
    static final int WARMUP_STEPS = 3;

    private TrainingThroughput() {}

    /** Per-step times (seconds, after warm-up) and the first loss of one training run. */
    record TrainTimes(double[] seconds, double firstLoss, double lastLoss, long tokensPerStep, double faultsPerStep,
            double userPerStep, double systemPerStep) {
        double median() {
            return Timing.median(seconds);
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
        BatchSource source = (step, micro, random) -> Batch.nextToken(
                SyntheticTokens.tokens(random, b, t, config.vocabSize()), SyntheticTokens.positions(b, t));
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
    static void report(NDManager manager, LlamaConfig c, int t, int b, int steps) throws Exception {
        TrainTimes times = train(manager, c, t, b, steps);
        double step = times.median();
        double flops = Flops.train(c, b, t);
        GemmReplay gemm = GemmCeiling.replay(manager, c, b, t);
        double optimizer = OptimizerTime.ms(manager, c, AdamW.Mode.NATIVE, 10) / 1000;
        Map<String, Double> groups = ElementwiseGroups.measure(manager, c, b, t);
        double elementwise = groups.values().stream().mapToDouble(Double::doubleValue).sum();
        TrainTimes tiny = train(manager, c, 8, 1, 10);
        double fixed = tiny.median();
        double rest = step - gemm.totalSeconds() - optimizer - elementwise;
        double achieved = flops / step / 1e9;

        System.out.printf("train d=%d L=%d T=%d B=%d params=%d: median %.1f ms/step (min %.1f, mean %.1f, %d timed steps),"
                        + " %.0f tokens/s, %.2f GFLOP/s; loss %.3f -> %.3f%n",
                c.hiddenSize(), c.layers(), t, b, c.parameterCount(), 1000 * step, 1000 * times.min(), 1000 * times.mean(),
                times.seconds().length, times.tokensPerStep() / step, achieved, times.firstLoss(), times.lastLoss());
        System.out.printf("  matmul ceiling (best of the step's GEMM shapes, %s): %.1f GFLOP/s -> %.0f%% of ceiling%n",
                gemm.bestShape(), gemm.bestGflops(), 100 * achieved / gemm.bestGflops());
        System.out.printf("  GEMMs alone (%d linear-layer matmuls/step at their shapes): %.1f ms = %.1f GFLOP/s -> step reaches %.0f%% of"
                        + " its GEMM-only time%n",
                gemm.count(), 1000 * gemm.totalSeconds(), gemm.flops() / gemm.totalSeconds() / 1e9, 100 * gemm.totalSeconds() / step);
        System.out.printf("  step %.1f ms = GEMM %.1f + optimizer (grad norm + AdamW) %.1f + elementwise groups %.1f"
                        + " + rest (dispatch/autograd/allocation) %.1f%n",
                1000 * step, 1000 * gemm.totalSeconds(), 1000 * optimizer, 1000 * elementwise, 1000 * rest);
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
        j.put("ceiling_gflops", gemm.bestGflops());
        j.put("ceiling_shape", gemm.bestShape());
        j.put("gemm_ms", 1000 * gemm.totalSeconds());
        j.put("gemm_count", gemm.count());
        j.put("gemm_flops", gemm.flops());
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
        BenchLines.emit(j);
    }

    /** Scalars in the weights the model actually allocates (checked against {@link LlamaConfig#parameterCount}). */
    static long countParameters(NDManager manager, LlamaConfig c) {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, c, 1)) {
            return w.arrays().values().stream().mapToLong(NDArray::size).sum();
        }
    }
}
