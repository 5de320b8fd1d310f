package org.creamlab.rope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * The {@code llama3} and {@code longrope} RoPE types against values worked out by hand from the
 * published formulas (Llama 3.1's configuration; a small longrope configuration), and read from a
 * config.json with Hugging Face's semantics.
 */
class Llama3AndLongRopeTest {

    /** Llama 3.1: factor 8, low 1, high 4, original window 8,192, theta 500,000, head dimension 128. */
    private static final String LLAMA31 = """
            {"hidden_size": 4096, "num_attention_heads": 32, "max_position_embeddings": 131072, "rope_theta": 500000.0,
             "rope_scaling": {"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                              "original_max_position_embeddings": 8192}}""";

    @Test
    void llama3KeepsHighFrequenciesDividesLowOnesAndBlendsTheBandBetween() {
        RopeScaling s = HfRopeScaling.read(JsonParser.parseString(LLAMA31).getAsJsonObject());
        assertEquals(new Llama3Scaling(8, 1, 4, 8192), s);
        double[] inv = s.inverseFrequencies(128, 500_000, 131_072);
        double[] base = RopeScaling.baseInverseFrequencies(128, 500_000);
        // wavelength 2 pi / theta_j: below 8192 / 4 = 2048 for j <= 28 (unchanged), above 8192 / 1 for j >= 35 (/ 8)
        for (int j = 0; j <= 28; j++) {
            assertEquals(base[j], inv[j], 0.0, "pair " + j + " keeps its frequency");
        }
        for (int j = 35; j < 64; j++) {
            assertEquals(base[j] / 8, inv[j], 1e-18, "pair " + j + " is interpolated");
        }
        // j = 29: theta = 500000^(-58/128) = 0.0026160992529250353, wavelength 2401.738..., g = (8192 / 2401.738 - 1) / 3
        // = 0.80362..., theta' = (1 - g) theta / 8 + g theta
        assertEquals(0.002166570763503359, inv[29], 1e-15);
        assertEquals(0.0008567514129196321, inv[31], 1e-15);
        assertEquals(0.0001785078127679964, inv[34], 1e-16);
        assertEquals(3.068925988914511e-07, inv[63], 1e-20);
        assertEquals(1.0, s.attentionFactor());
        assertEquals(1.0, s.scalePosition(1.0));
    }

    /** Head dimension 8 (4 pairs), base 10,000, original window 256 extended to 1,024. */
    private static final String SMALL_LONGROPE = """
            {"hidden_size": 16, "num_attention_heads": 2, "max_position_embeddings": 1024,
             "original_max_position_embeddings": 256,
             "rope_scaling": {"type": "longrope", "short_factor": [1.0, 1.1, 1.2, 1.3], "long_factor": [1.0, 2.0, 4.0, 8.0]}}""";

    @Test
    void longropeRescalesEachPairByTheShortOrLongListAndScalesAttention() {
        LongRopeScaling s = (LongRopeScaling) HfRopeScaling.read(JsonParser.parseString(SMALL_LONGROPE).getAsJsonObject());
        // theta_j = 10000^(-2j/8) = 1, 0.1, 0.01, 0.001
        assertArrayEquals(new double[] {1, 0.1 / 1.1, 0.01 / 1.2, 0.001 / 1.3}, s.inverseFrequencies(8, 10_000, 256), 1e-15,
                "a sequence within the original window uses short_factor");
        assertArrayEquals(new double[] {1, 0.05, 0.0025, 0.000125}, s.inverseFrequencies(8, 10_000, 257), 1e-15,
                "a longer one uses long_factor");
        // s = 1024 / 256 = 4: sqrt(1 + ln 4 / ln 256) = sqrt(1.25)
        assertEquals(Math.sqrt(1.25), s.attentionFactor(), 1e-15);
        JsonObject withFactor = JsonParser.parseString(SMALL_LONGROPE.replace("\"long_factor\"", "\"attention_factor\": 1.5, \"long_factor\""))
                .getAsJsonObject();
        assertEquals(1.5, HfRopeScaling.read(withFactor).attentionFactor(), "a given attention_factor wins");
        assertEquals(s, HfRopeScaling.read(wrap(HfRopeScaling.write(s).getAsJsonObject(), 1024, 256)), "written and read back");
    }

    @Test
    void badSettingsFailBeforeAnyComputeNamingTheSetting() {
        IllegalArgumentException shortList = assertThrows(IllegalArgumentException.class, () -> HfRopeScaling.read(
                JsonParser.parseString(SMALL_LONGROPE.replace("[1.0, 1.1, 1.2, 1.3]", "[1.0, 1.1, 1.2]")).getAsJsonObject()));
        assertTrue(shortList.getMessage().contains("'short_factor' has 3 entries") && shortList.getMessage().contains("needs 4"),
                shortList.getMessage());
        IllegalArgumentException bands = assertThrows(IllegalArgumentException.class, () -> HfRopeScaling.read(
                JsonParser.parseString(LLAMA31.replace("\"high_freq_factor\": 4.0", "\"high_freq_factor\": 0.5")).getAsJsonObject()));
        assertTrue(bands.getMessage().contains("high_freq_factor"), bands.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> HfRopeScaling.read(
                JsonParser.parseString(LLAMA31.replace("\"low_freq_factor\": 1.0,", "")).getAsJsonObject()));
        assertTrue(missing.getMessage().contains("'low_freq_factor' is missing"), missing.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> HfRopeScaling.read(
                JsonParser.parseString("{\"rope_scaling\": {\"rope_type\": \"su\"}}").getAsJsonObject()));
        assertTrue(unknown.getMessage().contains("'su'"), unknown.getMessage());
    }

    private static JsonObject wrap(JsonObject ropeScaling, int max, int original) {
        JsonObject c = new JsonObject();
        c.addProperty("hidden_size", 16);
        c.addProperty("num_attention_heads", 2);
        c.addProperty("max_position_embeddings", max);
        c.addProperty("original_max_position_embeddings", original);
        c.add("rope_scaling", ropeScaling);
        return c;
    }
}
