package org.creamlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The parameters of a Llama decoder as named arrays with Hugging Face names (see
 * {@link WeightNames}), owned by a private sub-manager that {@link #close()} releases.
 *
 * <p>Shapes: embedding {@code (V, d)}; q/o {@code (d, d)}; k/v {@code (Hkv * d/H, d)}; gate/up
 * {@code (F, d)}; down {@code (d, F)}; norms {@code (d)}; untied head {@code (V, d)}.
 */
public final class LlamaWeights implements AutoCloseable {

    /** Standard deviation of the Gaussian initialisation (HF {@code initializer_range}). */
    public static final double INIT_STD = 0.02;

    private final LlamaConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> arrays;

    private LlamaWeights(LlamaConfig config, NDManager manager, Map<String, NDArray> arrays) {
        this.config = config;
        this.manager = manager;
        this.arrays = Collections.unmodifiableMap(arrays);
    }

    /**
     * Fresh weights: linear and embedding weights N(0, 0.02^2), norm gains 1. Values are drawn on
     * the host from a {@link SplittableRandom} seeded by {@code seed} and the tensor's name, so the
     * same seed gives the same weights on any machine and in any creation order.
     */
    public static LlamaWeights initialize(NDManager parent, LlamaConfig config, long seed) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : WeightNames.expectedShapes(config).entrySet()) {
            float[] data = new float[Math.toIntExact(e.getValue().size())];
            if (WeightNames.isNorm(e.getKey())) {
                java.util.Arrays.fill(data, 1f);
            } else {
                SplittableRandom random = new SplittableRandom(mix(seed, e.getKey()));
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) (random.nextGaussian() * INIT_STD);
                }
            }
            values.put(e.getKey(), data);
        }
        return fromHost(parent, config, values);
    }

    /**
     * Weights from host float32 data, checked against the config's expected names and shapes.
     *
     * @throws IllegalArgumentException naming every missing, extra or mis-sized tensor
     */
    public static LlamaWeights fromHost(NDManager parent, LlamaConfig config, Map<String, float[]> values) {
        Map<String, Shape> expected = WeightNames.expectedShapes(config);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            Shape s = expected.get(e.getKey());
            int length = e.getValue().length;
            shapes.put(e.getKey(), s != null && s.size() == length ? s.getShape() : new long[] {length});
        }
        checkNames(config, shapes);
        NDManager manager = parent.newSubManager();
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            NDArray array = manager.create(values.get(e.getKey()), e.getValue());
            array.setName(e.getKey());
            arrays.put(e.getKey(), array);
        }
        return new LlamaWeights(config, manager, arrays);
    }

    /**
     * Checks a set of tensor names and shapes against the config.
     *
     * @throws IllegalArgumentException listing the missing, extra and mis-shaped tensors by name
     */
    public static void checkNames(LlamaConfig config, Map<String, long[]> shapes) {
        Map<String, Shape> expected = WeightNames.expectedShapes(config);
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        List<String> misShaped = new ArrayList<>();
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            long[] got = shapes.get(e.getKey());
            if (got == null) {
                missing.add(e.getKey());
            } else if (!new Shape(got).equals(e.getValue())) {
                misShaped.add(e.getKey() + " expected " + e.getValue() + " got " + new Shape(got));
            }
        }
        for (String name : shapes.keySet()) {
            if (!expected.containsKey(name)) {
                extra.add(name);
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty() || !misShaped.isEmpty()) {
            StringBuilder msg = new StringBuilder("weights do not match the config:");
            if (!missing.isEmpty()) {
                msg.append(" missing ").append(missing).append(';');
            }
            if (!extra.isEmpty()) {
                msg.append(" extra ").append(extra).append(';');
            }
            if (!misShaped.isEmpty()) {
                msg.append(" mis-shaped ").append(misShaped).append(';');
            }
            throw new IllegalArgumentException(msg.toString());
        }
    }

    /** A copy with every tensor converted to {@code type} (e.g. FLOAT16 for inference), on {@code parent}'s device. */
    public LlamaWeights toType(NDManager parent, DataType type) {
        NDManager target = parent.newSubManager();
        Map<String, NDArray> copies = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            NDArray moved = e.getValue().toDevice(target.getDevice(), true).toType(type, true);
            moved.attach(target);
            moved.setName(e.getKey());
            copies.put(e.getKey(), moved);
        }
        return new LlamaWeights(config, target, copies);
    }

    /** Marks every tensor as requiring (or not) gradients. */
    public void setRequiresGradient(boolean requires) {
        for (NDArray a : arrays.values()) {
            a.setRequiresGradient(requires);
        }
    }

    public LlamaConfig config() {
        return config;
    }

    /** The manager owning the weights (do not create activations in it). */
    public NDManager manager() {
        return manager;
    }

    /** The tensor with this HF name. */
    public NDArray get(String name) {
        NDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no weight named " + name);
        }
        return a;
    }

    /** The LM head matrix {@code (V, d)}: the embedding when tied. */
    public NDArray lmHead() {
        return config.tiedEmbeddings() ? get(WeightNames.EMBED) : get(WeightNames.LM_HEAD);
    }

    /** Name to array, in canonical order (unmodifiable). */
    public Map<String, NDArray> arrays() {
        return arrays;
    }

    /** Host copies of every tensor as float32, in canonical order. */
    public Map<String, float[]> toHost() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            NDArray a = e.getValue();
            if (a.getDataType() == DataType.FLOAT32) {
                out.put(e.getKey(), a.toFloatArray());
            } else {
                try (NDArray f = a.toType(DataType.FLOAT32, true)) {
                    out.put(e.getKey(), f.toFloatArray());
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }

    static long mix(long seed, String name) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001B3L;
        }
        return h ^ (h >>> 29);
    }
}
