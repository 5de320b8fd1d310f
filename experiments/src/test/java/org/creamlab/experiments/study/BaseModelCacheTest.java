package org.creamlab.experiments.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseModelCacheTest {

    private static final BaseRecipe RECIPE = new BaseRecipe(128, 16, 1, 2, 1, 1, 1e-3, 0.5, 0.1, 1);

    @Test
    void aRecordedRejectionIsReadBackAndIsNotABase(@TempDir Path dir) throws IOException {
        BaseModelCache cache = new BaseModelCache(dir);
        assertTrue(cache.rejection(RECIPE).isEmpty());
        cache.recordRejection(RECIPE, Map.of("lines", 0.93, "kv", 0.99, "passkey", 1.0));
        assertEquals(Map.of("lines", 0.93, "kv", 0.99, "passkey", 1.0), cache.rejection(RECIPE).orElseThrow());
        assertTrue(cache.find(RECIPE).isEmpty());
        BaseRecipe other = new BaseRecipe(128, 16, 1, 2, 1, 1, 1e-3, 0.5, 0.1, 2);
        assertTrue(cache.rejection(other).isEmpty(), "a rejection belongs to its recipe only");
    }

    @Test
    void obtainFailsAtOnceForARecipeThatWasRejectedBefore(@TempDir Path dir) throws IOException {
        BaseModelCache cache = new BaseModelCache(dir);
        cache.recordRejection(RECIPE, Map.of("lines", 0.93));
        // no study data, run or device: pre-training would fail differently, so this shows it is skipped
        BaseTrainer trainer = new BaseTrainer(null, cache);
        BaseBelowBarException e = assertThrows(BaseBelowBarException.class, () -> trainer.obtain(RECIPE, null, null));
        assertTrue(e.getMessage().contains(cache.rejectionFile(RECIPE).toString()) && e.getMessage().contains("lines=0.93"),
                e.getMessage());
        Files.delete(cache.rejectionFile(RECIPE));
        assertThrows(NullPointerException.class, () -> trainer.obtain(RECIPE, null, null),
                "without the record it pre-trains again (and fails here only for lack of data)");
    }

    @Test
    void aSharedBaseIsFoundFirstAndVerifiedAgainstItsCard(@TempDir Path dir) throws IOException {
        Path shared = dir.resolve("bases");
        Path base = shared.resolve("base-" + RECIPE.hash());
        Files.createDirectories(base);
        for (String f : BaseCard.FILES) {
            Files.writeString(base.resolve(f), "content of " + f);
        }
        BaseCard.write(base, RECIPE, Map.of("lines", 0.99), Map.of("exported", "today"));
        BaseModelCache cache = new BaseModelCache(dir.resolve("models"), List.of(shared));
        Path local = cache.directory(RECIPE);
        Files.createDirectories(local);
        Files.writeString(local.resolve("base.json"), "{}");
        assertEquals(base, cache.find(RECIPE).orElseThrow(), "the shared base wins over a local copy");
        BaseRecipe other = new BaseRecipe(128, 16, 1, 2, 1, 1, 1e-3, 0.5, 0.1, 2);
        assertTrue(cache.find(other).isEmpty(), "another recipe is not this base");
        Files.writeString(base.resolve("model.safetensors"), "tampered");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cache.find(RECIPE));
        assertTrue(e.getMessage().contains("model.safetensors has SHA-256"), e.getMessage());
        Files.writeString(base.resolve("model.safetensors"), "content of model.safetensors");
        assertEquals(base, cache.find(RECIPE).orElseThrow(), "restored, it verifies again");
        Files.delete(base.resolve("tokenizer.json"));
        assertThrows(IllegalStateException.class, () -> cache.find(RECIPE), "a listed file that is missing");
        Files.writeString(base.resolve("tokenizer.json"), "content of tokenizer.json");
        Path misplaced = shared.resolve("base-" + other.hash());
        Files.createDirectories(misplaced);
        Files.copy(base.resolve(BaseCard.FILE), misplaced.resolve(BaseCard.FILE));
        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> cache.find(other));
        assertTrue(wrong.getMessage().contains("card is for configuration " + RECIPE.hash()), wrong.getMessage());
    }

    @Test
    void aBaseStagedOnAnotherFileSystemIsCopiedInAndRenamedInOneStep(@TempDir Path dir) throws IOException {
        // /dev/shm is a tmpfs on these machines, the temp folder is on the disk: the atomic move fails across them
        Path shm = Path.of("/dev/shm");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(shm)
                && !java.nio.file.Files.getFileStore(shm).equals(java.nio.file.Files.getFileStore(dir)), "no second file system");
        Path staged = java.nio.file.Files.createTempDirectory(shm, "creamlab-base");
        java.nio.file.Files.writeString(staged.resolve("model.safetensors"), "weights");
        java.nio.file.Files.createDirectories(staged.resolve("sub"));
        java.nio.file.Files.writeString(staged.resolve("sub").resolve("x.json"), "{}");
        BaseModelCache cache = new BaseModelCache(dir.resolve("models"));
        Path stored = cache.store(RECIPE, staged, java.util.Map.of("lines", 1.0));
        assertEquals(cache.directory(RECIPE), stored);
        assertEquals("weights", java.nio.file.Files.readString(stored.resolve("model.safetensors")));
        assertEquals("{}", java.nio.file.Files.readString(stored.resolve("sub").resolve("x.json")));
        assertTrue(cache.find(RECIPE).isPresent(), "the cached base is found");
        assertTrue(!java.nio.file.Files.exists(staged), "the staged copy is gone");
        try (var left = java.nio.file.Files.list(dir.resolve("models"))) {
            assertEquals(java.util.List.of(stored), left.toList(), "no staging folder is left behind");
        }
    }
}
