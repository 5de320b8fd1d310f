package org.creamlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.creamlab.model.LlamaConfig;
import org.creamlab.model.LlamaWeights;
import org.creamlab.train.AdamW;

/** The optimizer's share of a training step: global gradient norm plus the AdamW update. */
final class OptimizerTime {

    private OptimizerTime() {}

    /** Time of the global gradient norm plus the AdamW update alone, in ms (gradients present, values irrelevant). */
    static double ms(NDManager manager, LlamaConfig config, AdamW.Mode mode, int reps) {
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
            return Timing.median(times);
        }
    }
}
