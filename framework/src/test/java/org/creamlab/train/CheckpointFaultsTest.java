package org.creamlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.creamlab.model.LlamaConfig;
import org.creamlab.model.LlamaWeights;
import org.creamlab.model.ModelCheckpoint;
import org.creamlab.rope.NoScaling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and mismatched checkpoints are refused with a message naming the file or the setting, and
 * never half-loaded: truncated or corrupted weight and optimizer files, a damaged state file, a
 * checkpoint from another model config or other training settings.
 */
class CheckpointFaultsTest {

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

    static LlamaConfig tiny() {
        return LlamaConfig.builder().vocabSize(32).hiddenSize(16).layers(1).heads(2).intermediateSize(32).window(16).build();
    }

    private static TrainingConfig.Builder training(Path checkpoints) {
        return TrainingConfig.builder().totalSteps(4).schedule(LrSchedule.constant(3e-3, 0)).dataSeed(5)
                .checkpointDir(checkpoints).checkpointEvery(2);
    }

    /** Trains 4 steps with checkpoints at 2 and 4; returns the step-4 folder. */
    private Path trained(Path checkpoints) throws IOException {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, tiny(), 1);
             Trainer t = new Trainer(w, new NoScaling(), training(checkpoints).build(), source(), List.of())) {
            return t.run().lastCheckpoint();
        }
    }

    private static CopyTaskSource source() {
        return new CopyTaskSource(2, 6, 32, false);
    }

    /** Resumes a fresh trainer from {@code checkpoint}; returns what it threw. */
    private static Exception resumeFails(Path checkpoint, LlamaConfig config, TrainingConfig training) {
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, config, 9);
             Trainer t = new Trainer(w, new NoScaling(), training, source(), List.of())) {
            Exception e = assertThrows(Exception.class, () -> t.resumeFrom(checkpoint));
            assertEquals(0, t.completedSteps(), "nothing was restored");
            return e;
        }
    }

    private static void truncateToHalf(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(c.size() / 2);
        }
    }

    private static void flipBytesInTheMiddle(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 16; i++) {
            bytes[i] ^= (byte) 0x5A;
        }
        Files.write(file, bytes);
    }

    @Test
    void aTruncatedWeightFileIsNamedOnResumeAndOnLoad() throws IOException {
        Path ckpt = trained(dir);
        Path weights = ckpt.resolve(ModelCheckpoint.WEIGHTS_FILE);
        truncateToHalf(weights);
        Exception e = resumeFails(ckpt, tiny(), training(dir).build());
        assertTrue(e instanceof IOException && e.getMessage().contains(weights.toString())
                && e.getMessage().contains("damaged") && e.getMessage().contains("previous checkpoint"), e.toString());
        // loading the folder as a plain model (no checksums there) names the file too
        IOException load = assertThrows(IOException.class, () -> ModelCheckpoint.load(manager, ckpt));
        assertTrue(load.getMessage().contains(weights.toString()) && load.getMessage().contains("truncated"), load.getMessage());
    }

    @Test
    void aTruncatedOptimizerFileIsNamed() throws IOException {
        Path ckpt = trained(dir);
        Path optimizer = ckpt.resolve(TrainingCheckpoint.OPTIMIZER_FILE);
        truncateToHalf(optimizer);
        Exception e = resumeFails(ckpt, tiny(), training(dir).build());
        assertTrue(e.getMessage().contains(optimizer.toString()) && e.getMessage().contains("damaged"), e.toString());
    }

    @Test
    void corruptedWeightBytesAreCaughtByTheChecksum() throws IOException {
        Path ckpt = trained(dir);
        Path weights = ckpt.resolve(ModelCheckpoint.WEIGHTS_FILE);
        flipBytesInTheMiddle(weights);   // same length, valid header: only the SHA-256 can tell
        Exception e = resumeFails(ckpt, tiny(), training(dir).build());
        assertTrue(e.getMessage().contains(weights.toString()) && e.getMessage().contains("SHA-256"), e.toString());
    }

    @Test
    void aCorruptedHeaderOrStateFileIsNamed() throws IOException {
        Path ckpt = trained(dir);
        Path weights = ckpt.resolve(ModelCheckpoint.WEIGHTS_FILE);
        byte[] bytes = Files.readAllBytes(weights);
        for (int i = 8; i < 24; i++) {
            bytes[i] = (byte) 0xFF;   // inside the JSON header
        }
        Files.write(weights, bytes);
        IOException header = assertThrows(IOException.class, () -> ModelCheckpoint.load(manager, ckpt));
        assertTrue(header.getMessage().contains(weights.toString()) && header.getMessage().contains("header"), header.getMessage());

        Path state = ckpt.resolve(TrainingCheckpoint.STATE_FILE);
        Files.writeString(state, "{\"completed_steps\": 4, \"optimizer_upd");
        Exception e = resumeFails(ckpt, tiny(), training(dir).build());
        assertTrue(e instanceof IOException && e.getMessage().contains(state.toString()), e.toString());
    }

    @Test
    void aCheckpointOfAnotherModelConfigNamesTheDifference() throws IOException {
        Path ckpt = trained(dir);
        LlamaConfig wider = LlamaConfig.builder().vocabSize(32).hiddenSize(32).layers(1).heads(2).intermediateSize(32)
                .window(16).build();
        Exception e = resumeFails(ckpt, wider, training(dir).build());
        assertTrue(e instanceof IllegalStateException && e.getMessage().contains("another model config")
                && e.getMessage().contains("hiddenSize 16 in the checkpoint, 32 here"), e.toString());
    }

    @Test
    void aCheckpointOfOtherTrainingSettingsNamesTheDifference() throws IOException {
        Path ckpt = trained(dir);
        Exception e = resumeFails(ckpt, tiny(), training(dir).dataSeed(6).build());
        assertTrue(e instanceof IllegalStateException && e.getMessage().contains("dataSeed 5 in the checkpoint, 6 here"),
                e.toString());
    }

    @Test
    void anUndamagedCheckpointStillResumes() throws IOException {
        Path ckpt = trained(dir);
        try (NDManager m = manager.newSubManager(); LlamaWeights w = LlamaWeights.initialize(m, tiny(), 9);
             Trainer t = new Trainer(w, new NoScaling(), training(dir).build(), source(), List.of())) {
            t.resumeFrom(ckpt);
            assertEquals(4, t.completedSteps());
        }
    }
}
