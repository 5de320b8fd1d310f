package org.creamlab.bench;

import ai.djl.ndarray.NDManager;
import org.creamlab.engine.NativeEnvironment;
import org.creamlab.model.LlamaConfig;
import org.creamlab.model.LlamaModel;
import org.creamlab.train.AdamW;

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
 *       (d=256, 4 layers, T=256, B=8), each with its ceiling and step breakdown
 *       ({@link TrainingThroughput});</li>
 *   <li>{@code forward T layers [queryChunk]}: one low-memory forward at B=1, d=256 (run each in a
 *       fresh JVM so that peak RSS figures do not mix; {@link ForwardMemory});</li>
 *   <li>{@code adamw}: the NATIVE vs EXPLICIT AdamW update time ({@link OptimizerTime});</li>
 *   <li>{@code all [steps]} (the default): everything above in one process, human-readable.</li>
 * </ul>
 *
 * <p>This class only parses the command and picks the configurations; the measurements live in
 * {@link TrainingThroughput}, {@link GemmCeiling}, {@link OptimizerTime}, {@link ElementwiseGroups}
 * and {@link ForwardMemory}, the {@code BENCH {json}} format in {@link BenchLines}.
 */
public final class ModelBenchmark {

    private ModelBenchmark() {}

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "all";
        System.out.printf("threads=%s%n", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        System.out.println("native environment: " + NativeEnvironment.current().describe());
        try (NDManager manager = NDManager.newBaseManager()) {
            switch (command) {
                case "train" -> {
                    int small = args.length > 1 ? Integer.parseInt(args[1]) : 12;
                    int medium = args.length > 2 ? Integer.parseInt(args[2]) : 6;
                    TrainingThroughput.report(manager, smallConfig(), 128, 16, small);
                    TrainingThroughput.report(manager, mediumConfig(4), 256, 8, medium);
                }
                case "forward" -> {
                    int t = Integer.parseInt(args[1]);
                    int layers = Integer.parseInt(args[2]);
                    int chunk = args.length > 3 ? Integer.parseInt(args[3]) : LlamaModel.DEFAULT_QUERY_CHUNK;
                    ForwardMemory.report(manager, mediumConfig(layers), t, chunk);
                }
                case "adamw" -> {
                    for (LlamaConfig c : new LlamaConfig[] {smallConfig(), mediumConfig(4)}) {
                        for (AdamW.Mode mode : new AdamW.Mode[] {AdamW.Mode.NATIVE, AdamW.Mode.EXPLICIT, AdamW.Mode.NATIVE}) {
                            System.out.printf("adamw %s d=%d L=%d (%.2fM params): %.2f ms/update%n", mode,
                                    c.hiddenSize(), c.layers(), c.parameterCount() / 1e6,
                                    OptimizerTime.ms(manager, c, mode, 50));
                        }
                    }
                }
                case "all" -> {
                    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 12;
                    ForwardMemory.report(manager, mediumConfig(4), 1024, LlamaModel.DEFAULT_QUERY_CHUNK);
                    ForwardMemory.report(manager, mediumConfig(4), 4096, LlamaModel.DEFAULT_QUERY_CHUNK);
                    TrainingThroughput.report(manager, smallConfig(), 128, 16, steps);
                    TrainingThroughput.report(manager, mediumConfig(4), 256, 8, Math.max(4, steps / 2));
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
}
