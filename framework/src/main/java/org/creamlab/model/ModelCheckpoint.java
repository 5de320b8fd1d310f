package org.creamlab.model;

import ai.djl.ndarray.NDManager;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creamlab.rope.RopeScaling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hugging Face layout model checkpoints: a folder with {@code config.json} and
 * {@code model.safetensors} (or a sharded {@code model.safetensors.index.json}). Tensors use HF
 * Llama names; any of F32/F16/BF16/F64 loads as float32.
 */
public final class ModelCheckpoint {

    public static final String CONFIG_FILE = "config.json";
    public static final String WEIGHTS_FILE = "model.safetensors";
    public static final String INDEX_FILE = "model.safetensors.index.json";

    private static final Logger LOG = LoggerFactory.getLogger(ModelCheckpoint.class);

    private ModelCheckpoint() {}

    /** A loaded checkpoint: its config, the raw config JSON (for rope_scaling etc.) and the weights. */
    public record Loaded(LlamaConfig config, JsonObject configJson, LlamaWeights weights) {}

    /** Writes {@code config.json} and {@code model.safetensors} (float32) into {@code dir}, each atomically. */
    public static void save(Path dir, LlamaWeights weights, RopeScaling scaling) throws IOException {
        save(dir, weights, scaling, "F32");
    }

    /** As {@link #save(Path, LlamaWeights, RopeScaling)} with tensors stored as {@code dtype} (F32, F16, BF16). */
    public static void save(Path dir, LlamaWeights weights, RopeScaling scaling, String dtype) throws IOException {
        Files.createDirectories(dir);
        List<Safetensors.Tensor> tensors = new ArrayList<>();
        for (Map.Entry<String, float[]> e : weights.toHost().entrySet()) {
            long[] shape = weights.get(e.getKey()).getShape().getShape();
            tensors.add(new Safetensors.Tensor(e.getKey(), dtype, shape, e.getValue()));
        }
        Safetensors.write(dir.resolve(WEIGHTS_FILE), tensors, Map.of("format", "pt"));
        writeJson(dir.resolve(CONFIG_FILE), HfConfig.toJson(weights.config(), scaling));
    }

    /** Loads config and weights from an HF-layout folder. */
    public static Loaded load(NDManager manager, Path dir) throws IOException {
        JsonObject json = readJson(dir.resolve(CONFIG_FILE));
        LlamaConfig config = HfConfig.fromJson(json);
        return new Loaded(config, json, loadWeights(manager, dir, config));
    }

    /**
     * Loads the weights of a folder for a known config, checking names and shapes before reading
     * any data.
     *
     * @throws IllegalArgumentException naming missing, extra and mis-shaped tensors
     */
    public static LlamaWeights loadWeights(NDManager manager, Path dir, LlamaConfig config) throws IOException {
        List<Path> files = weightFiles(dir);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Set<String> ignored = new LinkedHashSet<>();
        for (Path file : files) {
            for (Map.Entry<String, Safetensors.Entry> e : Safetensors.readHeader(file).entrySet()) {
                if (tolerated(config, e.getKey())) {
                    ignored.add(e.getKey());
                } else {
                    shapes.put(e.getKey(), e.getValue().shape());
                }
            }
        }
        if (!ignored.isEmpty()) {
            LOG.warn("ignoring tensors not used by the model: {}", ignored);
        }
        LlamaWeights.checkNames(config, shapes);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Path file : files) {
            for (Map.Entry<String, Safetensors.Tensor> e : Safetensors.read(file).entrySet()) {
                if (!ignored.contains(e.getKey())) {
                    values.put(e.getKey(), e.getValue().values());
                }
            }
        }
        return LlamaWeights.fromHost(manager, config, values);
    }

    /** Writes JSON to a temp file then renames it into place. */
    public static void writeJson(Path file, JsonElement json) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(json),
                    StandardCharsets.UTF_8);
            Safetensors.moveAtomically(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static JsonObject readJson(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("missing " + file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(file + " is damaged: not UTF-8 text", e);
        }
        try {
            return JsonParser.parseString(text).getAsJsonObject();
        } catch (RuntimeException e) {   // JsonParseException, or not an object
            throw new IOException(file + " is damaged: not a JSON object (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Tensors HF checkpoints may carry that this model does not use: the old rotary
     * {@code inv_freq} buffers, and a duplicated {@code lm_head.weight} when the head is tied.
     */
    private static boolean tolerated(LlamaConfig config, String name) {
        return name.endsWith("rotary_emb.inv_freq") || (config.tiedEmbeddings() && name.equals(WeightNames.LM_HEAD));
    }

    private static List<Path> weightFiles(Path dir) throws IOException {
        Path index = dir.resolve(INDEX_FILE);
        if (Files.isRegularFile(index)) {
            Set<String> names = new LinkedHashSet<>();
            for (Map.Entry<String, JsonElement> e : readJson(index).getAsJsonObject("weight_map").entrySet()) {
                names.add(e.getValue().getAsString());
            }
            List<Path> files = new ArrayList<>();
            for (String n : names) {
                files.add(dir.resolve(n));
            }
            return files;
        }
        Path single = dir.resolve(WEIGHTS_FILE);
        if (!Files.isRegularFile(single)) {
            throw new IOException("no " + WEIGHTS_FILE + " or " + INDEX_FILE + " in " + dir);
        }
        return List.of(single);
    }
}
