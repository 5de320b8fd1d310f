package org.creamlab.experiments.study;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creamlab.config.Settings;

/**
 * Pre-trained bases on disk, keyed by {@link BaseRecipe#hash()}. Shared bases committed with the
 * project ({@code bases/base-<hash>/}, Hugging Face Llama format with a {@link BaseCard}) are looked up
 * first and verified against their card before use; then the local cache {@code db/models/base-<hash>/}
 * holds the HF-format checkpoint ({@code config.json}, {@code model.safetensors}) and
 * {@code base.json} (the recipe and the in-window scores it reached). Only a base that passed the
 * in-window bar is stored. Writes go to a temporary folder renamed into place. A recipe whose
 * model stayed below the bar leaves {@code base-<hash>.rejected.json} (recipe and scores), so that
 * the next runs of a sweep fail at once instead of pre-training the same model again: pre-training
 * is deterministic for one machine and thread count. Delete the file to try again.
 */
public final class BaseModelCache {

    private final Path root;
    private final List<Path> shared;
    private final Gson gson = new GsonBuilder().setPrettyPrinting().create();

    /** @param root usually {@code <project>/db/models} */
    public BaseModelCache(Path root) {
        this(root, List.of());
    }

    /**
     * @param root the writable cache, usually {@code <project>/db/models}
     * @param shared read-only folders of shared bases searched first, usually {@code <project>/bases}
     */
    public BaseModelCache(Path root, List<Path> shared) {
        this.root = root;
        this.shared = List.copyOf(shared);
    }

    /**
     * The bases of a project: shared ones in {@code <root>/bases}, then the cache ({@code -Dmodels.dir},
     * default {@code <root>/db/models}).
     */
    public static BaseModelCache under(Settings settings) {
        return new BaseModelCache(settings.modelsDirectory(), List.of(sharedFolder(settings)));
    }

    /** Where a project's shared bases are committed: {@code <root>/bases}. */
    public static Path sharedFolder(Settings settings) {
        return settings.root().resolve("bases");
    }

    public Path directory(BaseRecipe recipe) {
        return root.resolve("base-" + recipe.hash());
    }

    /**
     * The base's folder: a shared one (verified against its card), else the cached one when complete.
     *
     * @throws IllegalStateException when a shared base's files do not match its card
     */
    public Optional<Path> find(BaseRecipe recipe) throws IOException {
        for (Path folder : shared) {
            Path dir = folder.resolve("base-" + recipe.hash());
            if (Files.isRegularFile(dir.resolve(BaseCard.FILE))) {
                BaseCard.read(dir).verify(dir, recipe);
                return Optional.of(dir);
            }
        }
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
        try {
            Files.move(checkpoint, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException otherFileSystem) {
            // runs.dir and models.dir on different file systems: copy into a staging folder beside the
            // cache, then rename it there in one step, so no reader ever sees a half-written base
            Path staging = root.resolve(".staging-" + recipe.hash() + "-" + ProcessHandle.current().pid());
            copyTree(checkpoint, staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                deleteTree(staging);   // another process cached the same recipe first
            }
            deleteTree(checkpoint);
        }
        return target;
    }

    /**
     * An exclusive lock on pre-training this recipe, held until closed: {@code base-<hash>.lock} in the
     * cache, locked with the operating system's file lock (released when the holder exits, killed
     * or not; on a cluster the cache must be on a file system with working locks, see docs/slurm.md).
     * Blocks while another process holds it; {@code onWait} is told once when it has to wait.
     */
    public java.io.Closeable lock(BaseRecipe recipe, Runnable onWait) throws IOException {
        Files.createDirectories(root);
        java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(root.resolve("base-" + recipe.hash() + ".lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        try {
            java.nio.channels.FileLock lock = channel.tryLock();
            if (lock == null) {
                onWait.run();
                lock = channel.lock();
            }
            java.nio.channels.FileLock held = lock;
            return () -> {
                try (channel) {
                    held.release();
                }
            };
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
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

    /** The record of a below-bar outcome that {@link #rejection} reads: a shared one first, else the local one. */
    public Path recordedRejectionFile(BaseRecipe recipe) {
        for (Path folder : shared) {
            Path file = folder.resolve(rejectionFile(recipe).getFileName());
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return rejectionFile(recipe);
    }

    /**
     * The scores of an earlier below-bar outcome of this recipe, if one is recorded here or shared
     * with the project ({@code bases/base-<hash>.rejected.json}).
     */
    public Optional<Map<String, Double>> rejection(BaseRecipe recipe) throws IOException {
        Path file = recordedRejectionFile(recipe);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(gson.fromJson(Files.readString(file, StandardCharsets.UTF_8), BaseInfo.class).scores());
    }

    private record BaseInfo(BaseRecipe recipe, Map<String, Double> scores) {}
}
