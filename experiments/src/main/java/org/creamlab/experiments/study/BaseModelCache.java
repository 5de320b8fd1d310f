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
 * in-window bar is stored. Writes go to a temporary folder renamed into place.
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

    private record BaseInfo(BaseRecipe recipe, Map<String, Double> scores) {}
}
