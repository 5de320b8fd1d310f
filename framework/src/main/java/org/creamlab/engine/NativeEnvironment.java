package org.creamlab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The process-level settings that change how fast (and, for the GEMM kernels, in which rounding)
 * libtorch computes, as this JVM was launched with them: whether {@code native/mkl_vendor_shim.c}
 * is preloaded (MKL then picks its kernels by CPU features, not vendor) and glibc's malloc
 * settings. The parent pom launches every test JVM with both; see docs/benchmark.md.
 *
 * @param mklVendorShim path of the preloaded shim, or null when it is not mapped into this process
 * @param malloc the {@code MALLOC_*} environment variables, e.g. {@code MALLOC_ARENA_MAX=1}
 */
public record NativeEnvironment(String mklVendorShim, String malloc) {

    private static final String SHIM_NAME = "mkl_vendor_shim";

    /** Reads /proc/self/maps and the environment (on non-Linux systems: no shim). */
    public static NativeEnvironment current() {
        return new NativeEnvironment(mappedShim(Path.of("/proc/self/maps")), mallocSettings(System.getenv()));
    }

    /** One line for the log. */
    public String describe() {
        return "MKL vendor shim " + (mklVendorShim == null ? "not preloaded (MKL's stock CPU dispatch)" : "preloaded from " + mklVendorShim)
                + ", malloc " + (malloc.isEmpty() ? "glibc defaults" : malloc);
    }

    static String mappedShim(Path maps) {
        if (!Files.isReadable(maps)) {
            return null;
        }
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.filter(l -> l.contains(SHIM_NAME))
                    .map(l -> l.substring(l.indexOf('/')))
                    .findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String mallocSettings(Map<String, String> env) {
        return env.entrySet().stream()
                .filter(e -> e.getKey().startsWith("MALLOC_"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .reduce((a, b) -> a + " " + b).orElse("");
    }
}
