package org.creamlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.creamlab.model.LlamaWeights;
import org.creamlab.model.ModelCheckpoint;
import org.creamlab.rope.NoScaling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up while a checkpoint is written: on a small tmpfs (mounted by the test, which
 * needs root, as {@code .ci/run} has; skipped with a message elsewhere), the first checkpoint is
 * written, the rest of the file system is filled, and the second checkpoint fails part-way. The
 * write must fail with an IOException saying so, the previous checkpoint must be intact and
 * resumable, and neither a {@code step-*} folder of the failed step nor a temporary folder may be
 * left behind.
 */
class CheckpointDiskFullTest {

    @TempDir
    Path dir;

    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount == null) {
            return;
        }
        // files read through memory maps (Safetensors.read) keep the mount busy until collected
        for (int attempt = 0; attempt < 3; attempt++) {
            System.gc();
            Thread.sleep(100);
            if (run("umount", mount.toString()) == 0) {
                return;
            }
        }
        run("umount", "-l", mount.toString());   // detach now, freed when the last map goes
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) {
            System.err.println(String.join(" ", command) + ": " + out.strip());
        }
        return p.exitValue();
    }

    @Test
    void aFullDiskFailsTheNewCheckpointAndKeepsThePreviousOne() throws Exception {
        Path small = Files.createDirectory(dir.resolve("small"));
        boolean mounted;
        try {
            mounted = System.getProperty("os.name").startsWith("Linux")
                    && run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small.toString()) == 0;
        } catch (IOException noMountCommand) {
            mounted = false;
        }
        assumeTrue(mounted, "cannot mount a small tmpfs here (needs root on Linux, as in CI): full-disk test skipped");
        mount = small;
        Path checkpoints = small.resolve("checkpoints");
        TrainingConfig config = TrainingConfig.builder().totalSteps(4).schedule(LrSchedule.constant(3e-3, 0)).dataSeed(5)
                .checkpointDir(checkpoints).checkpointEvery(2).keepCheckpoints(3).build();
        try (NDManager m = NDManager.newBaseManager()) {
            try (LlamaWeights w = LlamaWeights.initialize(m, CheckpointFaultsTest.tiny(), 1);
                 Trainer t = new Trainer(w, new NoScaling(), config, new CopyTaskSource(2, 6, 32, false),
                         List.of(new TrainingListener() {
                             @Override
                             public void onCheckpoint(long step, Path folder) {
                                 fill(small, folder);   // after the first checkpoint, leave too little room for another
                             }
                         }))) {
                IOException e = assertThrows(IOException.class, t::run);
                String m1 = e.getMessage();
                assertTrue(m1.contains("cannot write checkpoint step-00000004") && m1.contains("No space left on device")
                        && m1.contains("previous checkpoints are kept"), m1);
            }
            try (Stream<Path> s = Files.list(checkpoints)) {
                assertEquals(List.of("step-00000002"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                        "the failed step left nothing behind (no step folder, no temporary folder)");
            }
            Files.delete(small.resolve("filler"));
            Path kept = TrainingCheckpoint.latest(checkpoints).orElseThrow();
            TrainingCheckpoint.verify(kept);
            assertEquals(2, TrainingCheckpoint.readState(kept).completedSteps());
            ModelCheckpoint.load(m, kept).weights().close();
            try (LlamaWeights w = LlamaWeights.initialize(m, CheckpointFaultsTest.tiny(), 9);
                 Trainer t = new Trainer(w, new NoScaling(), config, new CopyTaskSource(2, 6, 32, false), List.of())) {
                assertTrue(t.resumeLatest());
                assertEquals(2, t.completedSteps());
                t.run();   // with room again, the run goes on from the kept checkpoint
                assertEquals(4, t.completedSteps());
            }
        }
    }

    /** Fills the file system of {@code root} up to about half a checkpoint's size (once). */
    private static void fill(Path root, Path checkpoint) {
        Path filler = root.resolve("filler");
        if (Files.exists(filler)) {
            return;
        }
        try {
            long checkpointBytes;
            try (Stream<Path> s = Files.list(checkpoint)) {
                checkpointBytes = s.mapToLong(p -> p.toFile().length()).sum();
            }
            try (FileChannel c = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer block = ByteBuffer.allocate(4096);
                try {
                    while (true) {
                        block.clear();
                        c.write(block);
                    }
                } catch (IOException full) {
                    // the disk is full now
                }
                c.truncate(Math.max(0, c.size() - checkpointBytes / 2));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
