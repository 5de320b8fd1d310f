package org.creamlab.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Allure command line, unpacked from Maven Central by the build into
 * {@code reports/target/allure-cli} (no download at run time).
 */
public final class AllureCli {

    private final Path home;

    public AllureCli(Path home) {
        this.home = home;
        if (!Files.isRegularFile(executable())) {
            throw new IllegalStateException("the Allure CLI is missing at " + executable()
                    + "; build the reports module first (mvn -q -pl reports -am package -DskipTests)");
        }
    }

    private Path executable() {
        return home.resolve("bin").resolve("allure");
    }

    /**
     * Runs {@code allure generate --clean}.
     *
     * @param singleFile one self-contained {@code index.html} that opens from disk
     */
    public void generate(Path results, Path output, boolean singleFile) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", executable().toString(), "generate", "--clean"));
        if (singleFile) {
            command.add("--single-file");
        }
        command.addAll(List.of("-o", output.toString(), results.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("allure generate failed (" + String.join(" ", command) + "):\n" + out);
        }
    }
}
