package org.creamlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.creamlab.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store that cannot be opened fails in bounded time with a message that names the database and
 * says what is wrong: an H2 file held by another program, a corrupt H2 file, rejected credentials.
 */
class StoreFaultsTest {

    @TempDir
    Path dir;

    private String h2Url() {
        return "jdbc:h2:file:" + dir.resolve("creamlab").toAbsolutePath();
    }

    private Settings settings(String url) {
        Properties p = new Properties();
        p.setProperty("creamlab.root", dir.toString());
        p.setProperty("db.url", url);
        return Settings.from(p);
    }

    @Test
    void anH2FileLockedByAnotherProgramFailsAfterBoundedRetriesNamingTheFile() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                H2Holder.class.getName(), h2Url())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("holding", out.readLine(), "the other program could not open the file");
            IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(
                    IllegalStateException.class, () -> new StoreService(settings(h2Url() + ";AUTO_SERVER=TRUE")).start()));
            String m = e.getMessage();
            assertTrue(m.contains(dir.resolve("creamlab").toAbsolutePath().toString()), m);
            assertTrue(m.contains("locked by another program") && m.contains("AUTO_SERVER"), m);
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        // once the other program is gone, the same store opens
        try (StoreService service = new StoreService(settings(h2Url() + ";AUTO_SERVER=TRUE"))) {
            assertTrue(service.start().runs(null).isEmpty());
        }
    }

    @Test
    void aCorruptH2FileFailsAtOnceNamingTheFile() throws Exception {
        try (StoreService service = new StoreService(settings(h2Url() + ";AUTO_SERVER=TRUE"))) {
            service.start().ensureExperiment("demo", "");
        }
        Path file = dir.resolve("creamlab.mv.db");
        byte[] garbage = new byte[(int) Files.size(file)];
        new Random(1).nextBytes(garbage);
        Files.write(file, garbage);
        long t0 = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new StoreService(settings(h2Url() + ";AUTO_SERVER=TRUE")).start());
        double seconds = (System.nanoTime() - t0) / 1e9;
        String m = e.getMessage();
        assertTrue(m.contains(file.toAbsolutePath().toString()) && m.contains("corrupt"), m);
        assertTrue(m.contains("restore it from a backup"), m);
        assertTrue(seconds < 5, "a corrupt file is not worth retrying, took " + seconds + " s");
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aRejectedPasswordNamesTheSettingsAtOnce(StoreBackend backend) {
        try (StoreBackend.TestDatabase db = backend.open(dir)) {
            try (StoreService service = new StoreService(db.settings())) {
                service.start();   // the database exists, with its real password
            }
            Settings wrong = new Settings(db.settings().root(), db.settings().dbUrl(), db.settings().dbUser(),
                    "not-the-password", 1, "cpu", db.settings().allureResults(), db.settings().runs(), db.settings().models());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new StoreService(wrong).start());
            assertTrue(e.getMessage().contains("db.password") && e.getMessage().contains("cannot open the store at"),
                    e.getMessage());
        }
    }
}
