package org.creamlab.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident-set figures of this process from {@code /proc/self/status} (Linux). */
final class ProcessMemory {

    private ProcessMemory() {}

    /** Peak resident set (VmHWM) in MiB, or -1 where unavailable. */
    static double peakMiB() {
        return field("VmHWM:");
    }

    /** Current resident set (VmRSS) in MiB, or -1. */
    static double currentMiB() {
        return field("VmRSS:");
    }

    /** Resets the peak to the current RSS (writes 5 to /proc/self/clear_refs); false if not allowed. */
    static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static double field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
