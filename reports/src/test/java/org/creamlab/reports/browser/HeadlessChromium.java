package org.creamlab.reports.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, with the flags that work as root and offline (see
 * shared/reference/tooling-notes.md); a fresh profile per call.
 */
final class HeadlessChromium {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");

    private final Path executable;
    private final Path profiles;

    private HeadlessChromium(Path executable, Path profiles) {
        this.executable = executable;
        this.profiles = profiles;
    }

    /**
     * Finds Chromium ({@code -Dchromium.path}, else {@code /usr/bin/chromium}).
     *
     * @throws IllegalStateException with the fix when it is not installed
     */
    static HeadlessChromium find(Path profiles) {
        List<String> candidates = new ArrayList<>();
        String configured = System.getProperty("chromium.path");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.addAll(CANDIDATES);
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return new HeadlessChromium(Path.of(c), profiles);
            }
        }
        throw new IllegalStateException("Chromium is not installed (looked at " + candidates + "). Install it with"
                + " 'apt-get install -y chromium' (.ci/run does), or point -Dchromium.path at it; to skip the browser"
                + " test on a machine without it: mvn -pl reports test -DexcludedGroups=browser");
    }

    /** The DOM after the page's scripts ran ({@code --dump-dom}). */
    String dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url));
    }

    /** Saves a PNG screenshot of the page. */
    void screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars", url));
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IOException("Chromium wrote no screenshot at " + png);
        }
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(Files.createDirectories(profiles), "profile");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--virtual-time-budget=8000"));
        command.addAll(args);
        Path err = profile.resolveSibling(profile.getFileName() + ".log");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("Chromium did not finish in 120 s: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IOException("Chromium exited with " + p.exitValue() + ": " + command + "\n" + Files.readString(err));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
