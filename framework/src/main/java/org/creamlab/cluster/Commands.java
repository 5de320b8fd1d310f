package org.creamlab.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the scheduler's command-line tools ({@code sbatch}, {@code scontrol}, {@code sinfo}). */
interface Commands {

    /** A finished command: its exit status and output. */
    record Output(int status, String stdout, String stderr) {}

    /** Runs {@code command} to completion (at most a minute). */
    default Output run(List<String> command) throws IOException {
        return run(command, java.util.Map.of());
    }

    /** Runs {@code command} with {@code environment} added to this process's, to completion (at most a minute). */
    Output run(List<String> command, java.util.Map<String, String> environment) throws IOException;

    /** Whether {@code program} is an executable on the PATH. */
    boolean onPath(String program);

    /** The real tools, from the PATH. */
    static Commands system() {
        return new Commands() {
            @Override
            public Output run(List<String> command, java.util.Map<String, String> environment) throws IOException {
                Path out = Files.createTempFile("creamlab-cmd", ".out");
                Path err = Files.createTempFile("creamlab-cmd", ".err");
                try {
                    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                    builder.environment().putAll(environment);
                    Process p = builder.start();
                    if (!p.waitFor(60, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        throw new IOException(String.join(" ", command) + " did not finish within 60 s");
                    }
                    return new Output(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8).strip(),
                            Files.readString(err, StandardCharsets.UTF_8).strip());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while running " + command.get(0), e);
                } finally {
                    Files.deleteIfExists(out);
                    Files.deleteIfExists(err);
                }
            }

            @Override
            public boolean onPath(String program) {
                String path = System.getenv("PATH");
                if (path == null) {
                    return false;
                }
                for (String dir : path.split(File.pathSeparator)) {
                    if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                        return true;
                    }
                }
                return false;
            }
        };
    }
}
