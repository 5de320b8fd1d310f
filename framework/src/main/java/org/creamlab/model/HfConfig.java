package org.creamlab.model;

import com.google.gson.JsonObject;
import org.creamlab.rope.RopeScaling;

/** Conversion between {@link LlamaConfig} and a Hugging Face {@code config.json} for Llama. */
public final class HfConfig {

    private HfConfig() {}

    /**
     * The HF {@code LlamaConfig} JSON. {@code rope_scaling} is null for no scaling,
     * {@code {"rope_type": "linear", "type": "linear", "factor": s}} for linear, and
     * {@code {"rope_type": name}} for other schemes (their parameters are the RoPE package's).
     */
    public static JsonObject toJson(LlamaConfig c, RopeScaling scaling) {
        JsonObject o = new JsonObject();
        com.google.gson.JsonArray arch = new com.google.gson.JsonArray();
        arch.add("LlamaForCausalLM");
        o.add("architectures", arch);
        o.addProperty("model_type", "llama");
        o.addProperty("vocab_size", c.vocabSize());
        o.addProperty("hidden_size", c.hiddenSize());
        o.addProperty("intermediate_size", c.intermediateSize());
        o.addProperty("num_hidden_layers", c.layers());
        o.addProperty("num_attention_heads", c.heads());
        o.addProperty("num_key_value_heads", c.kvHeads());
        o.addProperty("hidden_act", "silu");
        o.addProperty("rope_theta", c.ropeBase());
        o.addProperty("rms_norm_eps", c.rmsNormEps());
        o.addProperty("max_position_embeddings", c.window());
        o.addProperty("tie_word_embeddings", c.tiedEmbeddings());
        o.addProperty("attention_bias", false);
        o.addProperty("mlp_bias", false);
        o.addProperty("torch_dtype", "float32");
        o.add("rope_scaling", org.creamlab.rope.HfRopeScaling.write(scaling));
        return o;
    }

    /**
     * Reads an HF Llama config; absent optional keys take HF's defaults (kv heads = heads,
     * rope_theta 10000, rms_norm_eps 1e-6, max_position_embeddings 2048, untied head).
     *
     * @throws IllegalArgumentException naming a missing required key
     */
    public static LlamaConfig fromJson(JsonObject o) {
        int heads = required(o, "num_attention_heads");
        return new LlamaConfig(
                required(o, "vocab_size"),
                required(o, "hidden_size"),
                required(o, "num_hidden_layers"),
                heads,
                optional(o, "num_key_value_heads") ? o.get("num_key_value_heads").getAsInt() : heads,
                required(o, "intermediate_size"),
                optional(o, "rope_theta") ? o.get("rope_theta").getAsDouble() : 10000.0,
                optional(o, "rms_norm_eps") ? o.get("rms_norm_eps").getAsDouble() : 1e-6,
                optional(o, "max_position_embeddings") ? o.get("max_position_embeddings").getAsInt() : 2048,
                optional(o, "tie_word_embeddings") && o.get("tie_word_embeddings").getAsBoolean());
    }

    /**
     * The scaling a config's {@code rope_scaling} asks for ({@link org.creamlab.rope.HfRopeScaling}:
     * none, linear, llama3, longrope).
     *
     * @throws IllegalArgumentException for other types or invalid settings, naming them
     */
    public static RopeScaling ropeScaling(JsonObject config) {
        return org.creamlab.rope.HfRopeScaling.read(config);
    }

    private static boolean optional(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull();
    }

    private static int required(JsonObject o, String key) {
        if (!optional(o, key)) {
            throw new IllegalArgumentException("config.json lacks the required key " + key);
        }
        return o.get(key).getAsInt();
    }
}
