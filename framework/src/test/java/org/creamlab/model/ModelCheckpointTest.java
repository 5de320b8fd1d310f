package org.creamlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creamlab.rope.LinearScaling;
import org.creamlab.rope.NoScaling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckpointTest {

    private static NDManager manager;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void roundTripIsBitExact() throws IOException {
        for (LlamaConfig config : new LlamaConfig[] {TinyModels.gqa(), TinyModels.untied()}) {
            try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, config, 3)) {
                Path out = dir.resolve("ckpt-" + config.tiedEmbeddings());
                ModelCheckpoint.save(out, w, new LinearScaling(8));
                ModelCheckpoint.Loaded loaded = ModelCheckpoint.load(m, out);
                assertEquals(config, loaded.config());
                assertEquals(new LinearScaling(8), HfConfig.ropeScaling(loaded.configJson()));
                Map<String, float[]> a = w.toHost();
                Map<String, float[]> b = loaded.weights().toHost();
                assertEquals(a.keySet(), b.keySet());
                for (String name : a.keySet()) {
                    assertArrayEquals(a.get(name), b.get(name), 0f, name);
                }
                int[][] x = TinyModels.tokens(1, 1, 7, 64);
                long[][] p = TinyModels.positions(1, 7, 0);
                assertArrayEquals(new LlamaModel(w).logits(m, x, p, new NoScaling()).toFloatArray(),
                        new LlamaModel(loaded.weights()).logits(m, x, p, new NoScaling()).toFloatArray(), 0f);
                loaded.weights().close();
            }
        }
    }

    @Test
    void hfCheckpointWithBf16TensorsLoads() throws IOException {
        LlamaConfig config = TinyModels.untied();
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, config, 5)) {
            // an HF-style folder: bf16 tensors, an old rotary buffer, HF's own config keys
            List<Safetensors.Tensor> tensors = new ArrayList<>();
            Map<String, float[]> host = w.toHost();
            for (Map.Entry<String, float[]> e : host.entrySet()) {
                tensors.add(new Safetensors.Tensor(e.getKey(), "BF16", w.get(e.getKey()).getShape().getShape(), e.getValue()));
            }
            tensors.add(new Safetensors.Tensor("model.layers.0.self_attn.rotary_emb.inv_freq", "F32", new long[] {4}, new float[4]));
            Safetensors.write(dir.resolve("model.safetensors"), tensors, Map.of("format", "pt"));
            JsonObject json = new JsonObject();
            json.addProperty("architectures", "LlamaForCausalLM");
            json.addProperty("vocab_size", 64);
            json.addProperty("hidden_size", 32);
            json.addProperty("intermediate_size", 64);
            json.addProperty("num_hidden_layers", 2);
            json.addProperty("num_attention_heads", 4);
            json.addProperty("max_position_embeddings", 32);
            json.addProperty("rms_norm_eps", 1e-5);
            json.addProperty("torch_dtype", "bfloat16");
            json.addProperty("tie_word_embeddings", false);
            json.add("rope_scaling", JsonNull.INSTANCE);
            Files.writeString(dir.resolve("config.json"), json.toString());

            ModelCheckpoint.Loaded loaded = ModelCheckpoint.load(m, dir);
            assertEquals(config, loaded.config());
            Map<String, float[]> got = loaded.weights().toHost();
            for (Map.Entry<String, float[]> e : host.entrySet()) {
                float[] expected = e.getValue().clone();
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(expected[i]));
                }
                assertArrayEquals(expected, got.get(e.getKey()), 0f, e.getKey());
                assertArrayEquals(e.getValue(), got.get(e.getKey()), 1e-3f, e.getKey());
            }
            loaded.weights().close();
        }
    }

    @Test
    void handWrittenBf16FileDecodes() throws IOException {
        String header = "{\"x\":{\"dtype\":\"BF16\",\"shape\":[3],\"data_offsets\":[0,6]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 6).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).putShort((short) 0x3F80).putShort((short) 0xC020).putShort((short) 0x3E20);
        Path file = dir.resolve("hand.safetensors");
        Files.write(file, b.array());
        assertArrayEquals(new float[] {1f, -2.5f, 0.15625f}, Safetensors.read(file).get("x").values(), 0f);
    }

    @Test
    void halfFloatConversionsRoundTrip() {
        for (float f : new float[] {0f, -0f, 1f, -2.5f, 65504f, 6.1035156e-5f, 5.9604645e-8f, 0.1f, 1e6f}) {
            float h = HalfFloats.f16ToFloat(HalfFloats.floatToF16(f));
            if (f == 1e6f) {
                assertTrue(Float.isInfinite(h));
            } else if (f == 0.1f) {
                assertEquals(0.0999755859375f, h, 0f);
            } else {
                assertEquals(f, h, 0f, "f16 " + f);
            }
        }
        assertEquals(1.0f, HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(1.00390625f)), 0f); // tie to even
    }

    @Test
    void missingExtraAndMisShapedTensorsAreNamed() throws IOException {
        LlamaConfig config = TinyModels.gqa();
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, config, 6)) {
            ModelCheckpoint.save(dir, w, new NoScaling());
            List<Safetensors.Tensor> tensors = new ArrayList<>(Safetensors.read(dir.resolve("model.safetensors")).values());

            List<Safetensors.Tensor> missing = new ArrayList<>(tensors);
            missing.removeIf(t -> t.name().equals(WeightNames.up(1)));
            assertLoadFails(m, config, missing, "missing", WeightNames.up(1));

            List<Safetensors.Tensor> extra = new ArrayList<>(tensors);
            extra.add(new Safetensors.Tensor("model.layers.7.mlp.up_proj.weight", "F32", new long[] {2}, new float[2]));
            assertLoadFails(m, config, extra, "extra", "model.layers.7.mlp.up_proj.weight");

            List<Safetensors.Tensor> misShaped = new ArrayList<>(tensors);
            misShaped.replaceAll(t -> t.name().equals(WeightNames.k(0))
                    ? new Safetensors.Tensor(t.name(), "F32", new long[] {32, 16}, new float[512]) : t);
            assertLoadFails(m, config, misShaped, "mis-shaped", WeightNames.k(0));
        }
    }

    private void assertLoadFails(NDManager m, LlamaConfig config, List<Safetensors.Tensor> tensors, String kind, String name)
            throws IOException {
        Safetensors.write(dir.resolve("model.safetensors"), tensors, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelCheckpoint.loadWeights(m, dir, config));
        assertTrue(e.getMessage().contains(kind) && e.getMessage().contains(name), e.getMessage());
    }
}
