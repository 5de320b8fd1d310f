package org.creamlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.creamlab.model.LlamaConfig;
import org.creamlab.model.LlamaModel;
import org.creamlab.model.LlamaWeights;
import org.creamlab.rope.NoScaling;

/** Long-sequence forward: time, GFLOP/s and the process's resident set (baseline and peak). */
final class ForwardMemory {

    private ForwardMemory() {}

    /**
     * One low-memory forward at B=1 after a warm-up forward of the same length: time, GFLOP/s,
     * resident set after the weights (baseline) and the process peak (VmHWM, covering weights,
     * warm-up and the timed forward). Meant for a fresh JVM per configuration.
     */
    static void report(NDManager manager, LlamaConfig config, int t, int chunk) {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, config, 1)) {
            LlamaModel model = new LlamaModel(w);
            int[][] x = SyntheticTokens.tokens(new SplittableRandom(t), 1, t, config.vocabSize());
            long[][] p = SyntheticTokens.positions(1, t);
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
            double direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
                    .stream().filter(bp -> bp.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed)
                    .sum() / 1048576.0;
            double flops = Flops.forward(config, 1, t);
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
            BenchLines.emit(j);
        }
    }
}
