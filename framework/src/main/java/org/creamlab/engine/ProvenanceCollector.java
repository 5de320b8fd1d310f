package org.creamlab.engine;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.creamlab.config.Settings;
import org.creamlab.store.Provenance;

/** Reads git state, versions, host and device for a run's provenance. */
public final class ProvenanceCollector {

    private ProvenanceCollector() {}

    /** The git commit of the checkout at {@code settings.root()}, or {@code "unknown"} outside git. */
    public static String gitCommit(Settings settings) {
        String commit = git(settings.root(), "rev-parse", "HEAD");
        return commit == null ? "unknown" : commit.trim();
    }

    public static Provenance collect(Settings settings, EngineService engineService) {
        Engine engine = engineService.start();
        String status = git(settings.root(), "status", "--porcelain", "--untracked-files=no");
        return new Provenance(
                gitCommit(settings),
                status == null ? null : !status.isBlank(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                Engine.getDjlVersion(),
                engine.getVersion(),
                hostName(),
                engineService.device().toString(),
                Integer.parseInt(System.getProperty("ai.djl.pytorch.num_threads", Integer.toString(settings.threads()))));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Output of a git command in {@code dir}, or null when git is missing or fails. */
    static String git(Path dir, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
