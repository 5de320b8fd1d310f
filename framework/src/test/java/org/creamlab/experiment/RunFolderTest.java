package org.creamlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fresh run never starts in a folder holding another run's files; a resumed one keeps its own. */
class RunFolderTest {

    @TempDir
    Path runs;

    private Path folderWithCheckpoint() throws IOException {
        Path folder = runs.resolve("study").resolve("1");
        Files.createDirectories(folder.resolve("fine-tune").resolve("step-00001600"));
        Files.writeString(folder.resolve("fine-tune").resolve("step-00001600").resolve("model.safetensors"), "old");
        return folder;
    }

    @Test
    void aFreshRunMovesAnEarlierRunsFilesAside() throws IOException {
        Path folder = folderWithCheckpoint();
        assertEquals(folder, RunFolder.prepare(folder, false, 1));
        assertTrue(Files.isDirectory(folder));
        try (var entries = Files.list(folder)) {
            assertEquals(0, entries.count(), "the fresh run's folder is empty");
        }
        Path aside = runs.resolve("study").resolve("1.stale-1");
        assertEquals("old", Files.readString(aside.resolve("fine-tune").resolve("step-00001600").resolve("model.safetensors")),
                "nothing is lost");

        Files.writeString(folder.resolve("x"), "second");
        RunFolder.prepare(folder, false, 1);
        assertTrue(Files.exists(runs.resolve("study").resolve("1.stale-2").resolve("x")), "the next free name");
    }

    @Test
    void aResumedRunKeepsItsCheckpointsAndANewFolderIsCreated() throws IOException {
        Path folder = folderWithCheckpoint();
        RunFolder.prepare(folder, true, 1);
        assertTrue(Files.exists(folder.resolve("fine-tune").resolve("step-00001600").resolve("model.safetensors")));
        assertFalse(Files.exists(runs.resolve("study").resolve("1.stale-1")));

        Path fresh = runs.resolve("study").resolve("2");
        RunFolder.prepare(fresh, false, 2);
        assertTrue(Files.isDirectory(fresh));
        assertFalse(Files.exists(runs.resolve("study").resolve("2.stale-1")), "an empty or missing folder is not moved");
    }
}
