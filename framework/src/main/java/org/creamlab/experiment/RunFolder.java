package org.creamlab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's working folder, {@code <runs>/<experiment>/<run id>/}. Run ids are a store's, so two stores
 * used from one checkout (a calibration store beside the study's, say) hand out the same ids: a new
 * run must not find, and resume from, another run's checkpoints there. A run that starts afresh
 * therefore moves whatever its folder holds aside, to {@code <run id>.stale-<n>}, and says so; a
 * resumed run keeps its folder (its checkpoints are what it resumes from).
 */
final class RunFolder {

    private static final Logger LOG = LoggerFactory.getLogger(RunFolder.class);

    private RunFolder() {}

    /**
     * Creates {@code folder} for a run; when the run is not resumed and the folder holds files, they are
     * first moved to a sibling {@code <name>.stale-<n>} (the first n that is free).
     *
     * @return {@code folder}, existing and, for a fresh run, empty
     */
    static Path prepare(Path folder, boolean resumed, long runId) throws IOException {
        if (!resumed && Files.isDirectory(folder) && !isEmpty(folder)) {
            Path aside = staleName(folder);
            Files.move(folder, aside);
            LOG.warn("run {}: its folder {} held files of an earlier run with the same id (another store, or a store"
                    + " started anew); moved to {}", runId, folder, aside);
        }
        return Files.createDirectories(folder);
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static Path staleName(Path folder) {
        for (int n = 1; ; n++) {
            Path candidate = folder.resolveSibling(folder.getFileName() + ".stale-" + n);
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }
}
