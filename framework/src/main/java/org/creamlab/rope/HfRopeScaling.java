package org.creamlab.rope;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * A Hugging Face config's {@code rope_scaling}, read and written with the transformers semantics of
 * each type ({@code rope_type}, or the older {@code type}):
 * <ul>
 *   <li>absent, null, {@code default}, {@code none}: no scaling;</li>
 *   <li>{@code linear}: {@code factor} divides every position;</li>
 *   <li>{@code llama3}: {@code factor}, {@code low_freq_factor}, {@code high_freq_factor},
 *       {@code original_max_position_embeddings} ({@link Llama3Scaling}); attention factor 1;</li>
 *   <li>{@code longrope}: {@code short_factor}, {@code long_factor} (one per frequency pair),
 *       {@code attention_factor} (optional); the original window is the config's
 *       {@code original_max_position_embeddings} and then {@code s = max_position_embeddings / original},
 *       else {@code max_position_embeddings} and {@code s = factor} (1 when absent) ({@link LongRopeScaling}).</li>
 * </ul>
 * Other types ({@code dynamic}, {@code yarn}, ...) are refused by name: the RoPE package builds
 * them from the study's parameters, not from configs. Every error names the setting.
 */
public final class HfRopeScaling {

    private HfRopeScaling() {}

    /**
     * The scaling a whole {@code config.json} asks for.
     *
     * @throws IllegalArgumentException naming the missing or invalid setting, or the unknown type
     */
    public static RopeScaling read(JsonObject config) {
        if (!present(config, "rope_scaling")) {
            return new NoScaling();
        }
        JsonObject rs = config.getAsJsonObject("rope_scaling");
        String type = present(rs, "rope_type") ? rs.get("rope_type").getAsString()
                : present(rs, "type") ? rs.get("type").getAsString() : "";
        int maxPositions = present(config, "max_position_embeddings") ? config.get("max_position_embeddings").getAsInt() : 2048;
        return switch (type) {
            case "none", "default" -> new NoScaling();
            case "linear" -> new LinearScaling(number(rs, "factor"));
            case "llama3" -> new Llama3Scaling(number(rs, "factor"), number(rs, "low_freq_factor"),
                    number(rs, "high_freq_factor"), (int) number(rs, "original_max_position_embeddings"));
            case "longrope" -> longrope(config, rs, maxPositions);
            default -> throw new IllegalArgumentException("rope_scaling: type '" + type
                    + "' is not read from configs (read: default, linear, llama3, longrope)");
        };
    }

    private static RopeScaling longrope(JsonObject config, JsonObject rs, int maxPositions) {
        double[] shortFactor = list(rs, "short_factor");
        double[] longFactor = list(rs, "long_factor");
        int pairs = headDim(config) / 2;
        for (String key : new String[] {"short_factor", "long_factor"}) {
            int n = key.equals("short_factor") ? shortFactor.length : longFactor.length;
            if (n != pairs) {
                throw new IllegalArgumentException("rope_scaling longrope: '" + key + "' has " + n + " entries, the head"
                        + " dimension " + headDim(config) + " needs " + pairs + " (one per frequency pair)");
            }
        }
        int original;
        double factor;
        if (present(config, "original_max_position_embeddings")) {
            original = config.get("original_max_position_embeddings").getAsInt();
            factor = (double) maxPositions / original;
        } else {
            original = maxPositions;
            factor = present(rs, "factor") ? rs.get("factor").getAsDouble() : 1.0;
        }
        double attention = present(rs, "attention_factor") ? rs.get("attention_factor").getAsDouble() : Double.NaN;
        return new LongRopeScaling(shortFactor, longFactor, Math.max(1.0, factor), original, attention);
    }

    /** The {@code rope_scaling} object for {@code scaling} (null for none), for a config.json. */
    public static JsonElement write(RopeScaling scaling) {
        if (scaling instanceof TemperedScaling tempered) {
            JsonElement inner = write(tempered.scaling());
            JsonObject rs = inner.isJsonObject() ? inner.getAsJsonObject() : new JsonObject();
            if (!inner.isJsonObject()) {
                rs.addProperty("rope_type", "default");
                rs.addProperty("type", "default");
            }
            rs.addProperty("attention_factor", tempered.attentionFactor());
            return rs;
        }
        if (scaling == null || scaling instanceof NoScaling) {
            return JsonNull.INSTANCE;
        }
        JsonObject rs = new JsonObject();
        rs.addProperty("rope_type", scaling.name());
        rs.addProperty("type", scaling.name());
        if (scaling instanceof LinearScaling linear) {
            rs.addProperty("factor", linear.factor());
        } else if (scaling instanceof Llama3Scaling l) {
            rs.addProperty("factor", l.factor());
            rs.addProperty("low_freq_factor", l.lowFrequencyFactor());
            rs.addProperty("high_freq_factor", l.highFrequencyFactor());
            rs.addProperty("original_max_position_embeddings", l.originalWindow());
        } else if (scaling instanceof YarnScaling y) {
            rs.addProperty("factor", y.factor());
            rs.addProperty("original_max_position_embeddings", y.originalWindow());
            rs.addProperty("beta_fast", y.betaFast());
            rs.addProperty("beta_slow", y.betaSlow());
        } else if (scaling instanceof LongRopeScaling l) {
            rs.add("short_factor", array(l.shortFactor()));
            rs.add("long_factor", array(l.longFactor()));
            rs.addProperty("factor", l.factor());
            if (!Double.isNaN(l.givenAttentionFactor())) {
                rs.addProperty("attention_factor", l.givenAttentionFactor());
            }
        }
        return rs;
    }

    private static JsonArray array(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    private static int headDim(JsonObject config) {
        if (present(config, "head_dim")) {
            return config.get("head_dim").getAsInt();
        }
        if (!present(config, "hidden_size") || !present(config, "num_attention_heads")) {
            throw new IllegalArgumentException("rope_scaling longrope: the config needs head_dim, or hidden_size and"
                    + " num_attention_heads, to check the factor lists");
        }
        return config.get("hidden_size").getAsInt() / config.get("num_attention_heads").getAsInt();
    }

    private static double number(JsonObject rs, String key) {
        if (!present(rs, key)) {
            throw new IllegalArgumentException("rope_scaling " + type(rs) + ": the setting '" + key + "' is missing");
        }
        try {
            return rs.get(key).getAsDouble();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("rope_scaling " + type(rs) + ": '" + key + "' is not a number: " + rs.get(key));
        }
    }

    private static double[] list(JsonObject rs, String key) {
        if (!present(rs, key) || !rs.get(key).isJsonArray()) {
            throw new IllegalArgumentException("rope_scaling " + type(rs) + ": the setting '" + key + "' is missing or not a list");
        }
        JsonArray a = rs.getAsJsonArray(key);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }

    private static String type(JsonObject rs) {
        return present(rs, "rope_type") ? rs.get("rope_type").getAsString() : present(rs, "type") ? rs.get("type").getAsString() : "";
    }

    private static boolean present(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull();
    }
}
