package org.creamlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident-set, page-fault and CPU-time figures of this process from {@code /proc/self} (Linux). */
public final class ProcessMemory {

    private ProcessMemory() {}

    /** Peak resident set (VmHWM) in MiB, or -1 where unavailable. */
    public static double peakMiB() {
        return field("VmHWM:");
    }

    /** Current resident set (VmRSS) in MiB, or -1. */
    public static double currentMiB() {
        return field("VmRSS:");
    }

    /** Resets the peak to the current RSS (writes 5 to /proc/self/clear_refs); false if not allowed. */
    public static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Minor page faults, user and system CPU seconds of this process so far (from
     * {@code /proc/self/stat}, clock ticks taken as 100 Hz), or NaNs where unavailable.
     */
    static double[] faultsUserSystem() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the ")" that closes the command name: state is field 3
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return new double[] {Long.parseLong(f[10 - 3]), Long.parseLong(f[14 - 3]) / 100.0, Long.parseLong(f[15 - 3]) / 100.0};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
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
