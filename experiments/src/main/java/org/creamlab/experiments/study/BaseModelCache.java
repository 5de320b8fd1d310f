package org.creamlab.experiments.study;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import org.creamlab.config.Settings;

/**
 * Pre-trained bases on disk, keyed by {@link BaseRecipe#hash()}: {@code db/models/base-<hash>/}
 * holds the HF-format checkpoint ({@code config.json}, {@code model.safetensors}) and
 * {@code base.json} (the recipe and the in-window scores it reached). Only a base that passed the
 * in-window bar is stored. Writes go to a temporary folder renamed into place. A recipe whose
 * model stayed below the bar leaves {@code base-<hash>.rejected.json} (recipe and scores), so that
 * the next runs of a sweep fail at once instead of pre-training the same model again: pre-training
 * is deterministic for one machine and thread count. Delete the file to try again.
 */
public final class BaseModelCache {

    private final Path root;
    private final Gson gson = new GsonBuilder().setPrettyPrinting().create();

    /** @param root usually {@code <project>/db/models} */
    public BaseModelCache(Path root) {
        this.root = root;
    }

    /** The cache of a project: {@code <root>/db/models} (git-ignored, kept across {@code mvn clean}). */
    public static BaseModelCache under(Settings settings) {
        return new BaseModelCache(settings.root().resolve("db").resolve("models"));
    }

    public Path directory(BaseRecipe recipe) {
        return root.resolve("base-" + recipe.hash());
    }

    /** The cached base's folder when it exists and is complete. */
    public Optional<Path> find(BaseRecipe recipe) {
        Path dir = directory(recipe);
        return Files.isRegularFile(dir.resolve("base.json")) ? Optional.of(dir) : Optional.empty();
    }

    /** The in-window scores stored with a cached base. */
    public Map<String, Double> scores(Path dir) throws IOException {
        BaseInfo info = gson.fromJson(Files.readString(dir.resolve("base.json"), StandardCharsets.UTF_8), BaseInfo.class);
        return info.scores();
    }

    /**
     * Moves a finished checkpoint folder into the cache with its description.
     *
     * @param checkpoint a folder written by {@code ModelCheckpoint.save}
     */
    public Path store(BaseRecipe recipe, Path checkpoint, Map<String, Double> scores) throws IOException {
        Files.createDirectories(root);
        Files.writeString(checkpoint.resolve("base.json"), gson.toJson(new BaseInfo(recipe, scores)), StandardCharsets.UTF_8);
        Path target = directory(recipe);
        if (Files.exists(target)) {
            return target;   // another process cached the same recipe first; identical by construction
        }
        Files.move(checkpoint, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Where a below-bar outcome of this recipe is recorded. */
    public Path rejectionFile(BaseRecipe recipe) {
        return root.resolve("base-" + recipe.hash() + ".rejected.json");
    }

    /** Records that this recipe's model stayed below the bar with these scores. */
    public void recordRejection(BaseRecipe recipe, Map<String, Double> scores) throws IOException {
        Files.createDirectories(root);
        Path file = rejectionFile(recipe);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, gson.toJson(new BaseInfo(recipe, scores)), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The scores of an earlier below-bar outcome of this recipe, if one is recorded. */
    public Optional<Map<String, Double>> rejection(BaseRecipe recipe) throws IOException {
        Path file = rejectionFile(recipe);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(gson.fromJson(Files.readString(file, StandardCharsets.UTF_8), BaseInfo.class).scores());
    }

    private record BaseInfo(BaseRecipe recipe, Map<String, Double> scores) {}
}
