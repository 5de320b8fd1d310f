package org.creamlab.model;

import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Hugging Face Llama tensor names and their shapes for a {@link LlamaConfig}, in a fixed
 * canonical order (embedding, then each layer, then final norm, then the head when untied).
 * Linear weights are stored {@code (out, in)} as in PyTorch.
 */
public final class WeightNames {

    public static final String EMBED = "model.embed_tokens.weight";
    public static final String FINAL_NORM = "model.norm.weight";
    public static final String LM_HEAD = "lm_head.weight";

    private WeightNames() {}

    public static String q(int layer) { return layer(layer) + "self_attn.q_proj.weight"; }
    public static String k(int layer) { return layer(layer) + "self_attn.k_proj.weight"; }
    public static String v(int layer) { return layer(layer) + "self_attn.v_proj.weight"; }
    public static String o(int layer) { return layer(layer) + "self_attn.o_proj.weight"; }
    public static String gate(int layer) { return layer(layer) + "mlp.gate_proj.weight"; }
    public static String up(int layer) { return layer(layer) + "mlp.up_proj.weight"; }
    public static String down(int layer) { return layer(layer) + "mlp.down_proj.weight"; }
    public static String inputNorm(int layer) { return layer(layer) + "input_layernorm.weight"; }
    public static String postNorm(int layer) { return layer(layer) + "post_attention_layernorm.weight"; }

    private static String layer(int layer) {
        return "model.layers." + layer + ".";
    }

    /** Every tensor the config needs, name to shape, in canonical order. */
    public static Map<String, Shape> expectedShapes(LlamaConfig c) {
        long d = c.hiddenSize();
        long kv = (long) c.kvHeads() * c.headDim();
        long ffn = c.intermediateSize();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put(EMBED, new Shape(c.vocabSize(), d));
        for (int i = 0; i < c.layers(); i++) {
            shapes.put(inputNorm(i), new Shape(d));
            shapes.put(q(i), new Shape(d, d));
            shapes.put(k(i), new Shape(kv, d));
            shapes.put(v(i), new Shape(kv, d));
            shapes.put(o(i), new Shape(d, d));
            shapes.put(postNorm(i), new Shape(d));
            shapes.put(gate(i), new Shape(ffn, d));
            shapes.put(up(i), new Shape(ffn, d));
            shapes.put(down(i), new Shape(d, ffn));
        }
        shapes.put(FINAL_NORM, new Shape(d));
        if (!c.tiedEmbeddings()) {
            shapes.put(LM_HEAD, new Shape(c.vocabSize(), d));
        }
        return shapes;
    }

    /** Whether the tensor is an RMSNorm gain (initialised to one, exempt from weight decay). */
    public static boolean isNorm(String name) {
        return name.endsWith("layernorm.weight") || name.equals(FINAL_NORM);
    }
}
