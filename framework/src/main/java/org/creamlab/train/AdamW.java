package org.creamlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.LinkedHashMap;
import java.util.Map;
import org.creamlab.model.WeightNames;

/**
 * Decoupled AdamW (Loshchilov and Hutter) with PyTorch's semantics:
 * {@code w *= 1 - lr*wd; m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
 * w -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps)}, where g is the gradient times the
 * clipping scale. RMSNorm gains get no weight decay. Call {@link #step} outside any
 * GradientCollector; it zeroes the gradients it consumed.
 *
 * <p>Two implementations: {@link Mode#NATIVE} makes one fused JNI call per parameter (DJL's
 * {@code adamUpdate} with the adamw flag; epsilon is pre-scaled by {@code sqrt(1-b2^t)} so the
 * update equals PyTorch's); {@link Mode#EXPLICIT} spells it out with in-place NDArray ops and
 * NDArray scalars. State ({@code m}, {@code v} per parameter, and t) lives in a private manager.
 */
public final class AdamW implements AutoCloseable {

    /** Which implementation runs the update. */
    public enum Mode { NATIVE, EXPLICIT }

    private final Mode mode;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final NDManager manager;
    private final Map<String, NDArray> means = new LinkedHashMap<>();
    private final Map<String, NDArray> variances = new LinkedHashMap<>();
    private long t;

    public AdamW(NDManager parent, Map<String, NDArray> parameters, Mode mode, double beta1, double beta2,
            double epsilon, double weightDecay) {
        this.mode = mode;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.manager = parent.newSubManager();
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray m = manager.zeros(e.getValue().getShape(), e.getValue().getDataType());
            NDArray v = manager.zeros(e.getValue().getShape(), e.getValue().getDataType());
            m.setName("m." + e.getKey());
            v.setName("v." + e.getKey());
            means.put(e.getKey(), m);
            variances.put(e.getKey(), v);
        }
    }

    /** Number of updates applied so far (t). */
    public long updates() {
        return t;
    }

    /**
     * One update of every parameter from its accumulated gradient.
     *
     * @param parameters the same names as at construction
     * @param learningRate this step's rate
     * @param gradScale factor applied to every gradient first (global-norm clipping)
     */
    public void step(Map<String, NDArray> parameters, double learningRate, double gradScale) {
        t++;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        if (mode == Mode.NATIVE) {
            stepNative(parameters, learningRate, gradScale, bc1, bc2);
        } else {
            stepExplicit(parameters, learningRate, gradScale, bc1, bc2);
        }
    }

    private void stepNative(Map<String, NDArray> parameters, double lr, double gradScale, double bc1, double bc2) {
        float lrBiasCorrected = (float) (lr * Math.sqrt(bc2) / bc1);
        float eps = (float) (epsilon * Math.sqrt(bc2));
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            NDArray w = e.getValue();
            float wd = decays(e.getKey()) ? (float) weightDecay : 0f;
            try (NDArray g = w.getGradient()) {
                w.getNDArrayInternal().adamUpdate(
                        new NDList(w, g, means.get(e.getKey()), variances.get(e.getKey())),
                        new NDList(w),
                        (float) lr, lrBiasCorrected, wd, (float) gradScale, -1f,
                        (float) beta1, (float) beta2, eps, false, true);
            }
        }
    }

    private void stepExplicit(Map<String, NDArray> parameters, double lr, double gradScale, double bc1, double bc2) {
        try (NDManager s = manager.newSubManager()) {
            NDArray scale = s.create((float) gradScale);
            NDArray b1 = s.create((float) beta1);
            NDArray oneMinusB1 = s.create((float) (1 - beta1));
            NDArray b2 = s.create((float) beta2);
            NDArray oneMinusB2 = s.create((float) (1 - beta2));
            NDArray sqrtBc2 = s.create((float) Math.sqrt(bc2));
            NDArray eps = s.create((float) epsilon);
            NDArray stepSize = s.create((float) (lr / bc1));
            NDArray decay = s.create((float) (1 - lr * weightDecay));
            for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
                NDArray w = e.getValue();
                NDArray m = means.get(e.getKey());
                NDArray v = variances.get(e.getKey());
                try (NDManager p = s.newSubManager()) {
                    NDArray g = w.getGradient();
                    g.attach(p);
                    NDArray gs = g.mul(scale);
                    m.muli(b1).addi(gs.mul(oneMinusB1));
                    v.muli(b2).addi(gs.mul(gs).muli(oneMinusB2));
                    if (weightDecay > 0 && decays(e.getKey())) {
                        w.muli(decay);
                    }
                    NDArray denom = v.sqrt().divi(sqrtBc2).addi(eps);
                    denom.attach(p);
                    NDArray update = m.div(denom).muli(stepSize);
                    update.attach(p);
                    w.subi(update);
                    zeroGradient(w, g);
                }
            }
        }
    }

    private static void zeroGradient(NDArray w, NDArray g) {
        if (w instanceof PtNDArray pt) {
            JniUtils.zeroGrad(pt);
        } else {
            g.subi(g);
        }
    }

    private static boolean decays(String name) {
        return !WeightNames.isNorm(name);
    }

    /** State as named host arrays ({@code m.<param>}, {@code v.<param>}) for a checkpoint. */
    public Map<String, NDArray> stateArrays() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        means.forEach((k, v) -> out.put("m." + k, v));
        variances.forEach((k, v) -> out.put("v." + k, v));
        return out;
    }

    /**
     * Restores the state written by {@link #stateArrays()}.
     *
     * @throws IllegalArgumentException naming any missing, extra or mis-sized entry
     */
    public void restore(Map<String, float[]> state, long updates) {
        Map<String, NDArray> mine = stateArrays();
        for (String name : state.keySet()) {
            if (!mine.containsKey(name)) {
                throw new IllegalArgumentException("optimizer state has an unknown entry " + name);
            }
        }
        for (Map.Entry<String, NDArray> e : mine.entrySet()) {
            float[] values = state.get(e.getKey());
            if (values == null) {
                throw new IllegalArgumentException("optimizer state lacks " + e.getKey());
            }
            if (values.length != e.getValue().size()) {
                throw new IllegalArgumentException("optimizer state " + e.getKey() + " has " + values.length
                        + " values, expected " + e.getValue().size());
            }
            e.getValue().set(values);
        }
        this.t = updates;
    }

    @Override
    public void close() {
        manager.close();
    }
}
