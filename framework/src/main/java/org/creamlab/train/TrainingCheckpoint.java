package org.creamlab.train;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.creamlab.model.LlamaWeights;
import org.creamlab.model.ModelCheckpoint;
import org.creamlab.model.Safetensors;
import org.creamlab.rope.RopeScaling;

/**
 * A resumable checkpoint folder {@code step-NNNNNNNN/} holding the HF-layout model
 * ({@code config.json}, {@code model.safetensors}), {@code optimizer.safetensors} (AdamW m and v)
 * and {@code trainer_state.json} (completed steps, AdamW t, data seed, source state, config
 * hashes). The folder is written under a temporary name and renamed, so a checkpoint either is
 * complete or does not exist.
 */
public final class TrainingCheckpoint {

    public static final String OPTIMIZER_FILE = "optimizer.safetensors";
    public static final String STATE_FILE = "trainer_state.json";
    private static final String PREFIX = "step-";
    private static final String CHECKSUMS = "sha256";
    private static final String TRAINING_SETTINGS = "training_settings";

    /** The small JSON part of a checkpoint. */
    public record State(long completedSteps, long optimizerUpdates, long dataSeed, String sourceState,
            String modelConfigHash, String trainingHash, double lastLoss) {}

    private TrainingCheckpoint() {}

    /** Writes a checkpoint of {@code completedSteps} steps under {@code root} and returns its folder. */
    public static Path write(Path root, LlamaWeights weights, RopeScaling scaling, AdamW optimizer, State state)
            throws IOException {
        return write(root, weights, scaling, optimizer, state, Map.of());
    }

    /**
     * As {@link #write(Path, LlamaWeights, RopeScaling, AdamW, State)}, also recording the named
     * training settings behind {@link State#trainingHash()} so a mismatch on resume can be named.
     * Every data file's SHA-256 goes into {@code trainer_state.json}, so a damaged file is found on
     * resume. When the disk fills up (or any write fails) the partial temporary folder is removed and
     * the previous checkpoints are untouched.
     */
    public static Path write(Path root, LlamaWeights weights, RopeScaling scaling, AdamW optimizer, State state,
            Map<String, String> trainingSettings) throws IOException {
        Files.createDirectories(root);
        Path target = root.resolve(String.format("%s%08d", PREFIX, state.completedSteps()));
        Path temp = Files.createTempDirectory(root, ".tmp-" + target.getFileName());
        try {
            ModelCheckpoint.save(temp, weights, scaling);
            List<Safetensors.Tensor> tensors = new ArrayList<>();
            for (Map.Entry<String, NDArray> e : optimizer.stateArrays().entrySet()) {
                tensors.add(new Safetensors.Tensor(e.getKey(), "F32", e.getValue().getShape().getShape(),
                        e.getValue().toFloatArray()));
            }
            Safetensors.write(temp.resolve(OPTIMIZER_FILE), tensors, Map.of());
            JsonObject json = new JsonObject();
            json.addProperty("completed_steps", state.completedSteps());
            json.addProperty("optimizer_updates", state.optimizerUpdates());
            json.addProperty("data_seed", state.dataSeed());
            json.addProperty("source_state", state.sourceState());
            json.addProperty("model_config_hash", state.modelConfigHash());
            json.addProperty("training_hash", state.trainingHash());
            json.addProperty("last_loss", state.lastLoss());
            if (!trainingSettings.isEmpty()) {
                JsonObject settings = new JsonObject();
                trainingSettings.forEach(settings::addProperty);
                json.add(TRAINING_SETTINGS, settings);
            }
            JsonObject sums = new JsonObject();
            for (String file : List.of(ModelCheckpoint.CONFIG_FILE, ModelCheckpoint.WEIGHTS_FILE, OPTIMIZER_FILE)) {
                sums.addProperty(file, sha256(temp.resolve(file)));
            }
            json.add(CHECKSUMS, sums);
            ModelCheckpoint.writeJson(temp.resolve(STATE_FILE), json);
            if (Files.exists(target)) {
                deleteTree(target);
            }
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new IOException("cannot write checkpoint " + target.getFileName() + " under " + root + ": " + e
                    + (TrainingCheckpoint.list(root).isEmpty() ? "" : "; the previous checkpoints are kept"), e);
        } finally {
            if (Files.exists(temp)) {
                deleteTree(temp);
            }
        }
    }

    /**
     * The state of a checkpoint.
     *
     * @throws IOException naming {@code trainer_state.json} when it is missing, not JSON or lacks a field
     */
    public static State readState(Path checkpoint) throws IOException {
        JsonObject o = stateJson(checkpoint);
        try {
            return new State(o.get("completed_steps").getAsLong(), o.get("optimizer_updates").getAsLong(),
                    o.get("data_seed").getAsLong(), o.get("source_state").getAsString(),
                    o.get("model_config_hash").getAsString(), o.get("training_hash").getAsString(),
                    o.get("last_loss").getAsDouble());
        } catch (RuntimeException e) {   // a missing field (NullPointerException) or a wrong type
            throw new IOException(checkpoint.resolve(STATE_FILE) + " is damaged: a field is missing or invalid (" + e + ")", e);
        }
    }

    /** The training settings recorded with a checkpoint (empty for checkpoints written without them). */
    public static Map<String, String> readTrainingSettings(Path checkpoint) throws IOException {
        JsonObject o = stateJson(checkpoint);
        Map<String, String> out = new LinkedHashMap<>();
        if (o.has(TRAINING_SETTINGS) && o.get(TRAINING_SETTINGS).isJsonObject()) {
            o.getAsJsonObject(TRAINING_SETTINGS).entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
        }
        return out;
    }

    /**
     * Checks every data file of a checkpoint against the SHA-256 recorded when it was written
     * (checkpoints written before checksums were recorded pass unchecked).
     *
     * @throws IOException naming the damaged or missing file and what to do
     */
    public static void verify(Path checkpoint) throws IOException {
        JsonObject o = stateJson(checkpoint);
        if (!o.has(CHECKSUMS)) {
            return;
        }
        for (Map.Entry<String, com.google.gson.JsonElement> e : o.getAsJsonObject(CHECKSUMS).entrySet()) {
            Path file = checkpoint.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                throw new IOException("checkpoint " + checkpoint + " is incomplete: " + e.getKey() + " is missing"
                        + "; delete that folder to resume from the previous checkpoint");
            }
            String actual = sha256(file);
            if (!actual.equals(e.getValue().getAsString())) {
                throw new IOException("checkpoint file " + file + " is damaged (truncated or corrupted): its SHA-256 is "
                        + actual + ", the checkpoint recorded " + e.getValue().getAsString()
                        + "; delete " + checkpoint + " to resume from the previous checkpoint");
            }
        }
    }

    private static JsonObject stateJson(Path checkpoint) throws IOException {
        Path file = checkpoint.resolve(STATE_FILE);
        try {
            return ModelCheckpoint.readJson(file);
        } catch (RuntimeException e) {   // JsonParseException, or not an object
            throw new IOException(file + " is damaged: not a JSON object (" + e.getMessage() + ")", e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The optimizer state of a checkpoint as host arrays. */
    public static Map<String, float[]> readOptimizer(Path checkpoint) throws IOException {
        Map<String, float[]> out = new LinkedHashMap<>();
        Safetensors.read(checkpoint.resolve(OPTIMIZER_FILE)).forEach((k, v) -> out.put(k, v.values()));
        return out;
    }

    /** The complete checkpoint with the most steps under {@code root}, if any. */
    public static Optional<Path> latest(Path root) throws IOException {
        return list(root).stream().reduce((a, b) -> b);
    }

    /** Complete checkpoints under {@code root}, oldest first. */
    public static List<Path> list(Path root) throws IOException {
        if (root == null || !Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .filter(p -> Files.isRegularFile(p.resolve(STATE_FILE)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    /** Deletes all but the newest {@code keep} checkpoints. */
    public static void prune(Path root, int keep) throws IOException {
        List<Path> all = list(root);
        for (int i = 0; i < all.size() - keep; i++) {
            deleteTree(all.get(i));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
