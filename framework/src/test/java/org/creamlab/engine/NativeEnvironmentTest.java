package org.creamlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeEnvironmentTest {

    @Test
    void findsTheShimAmongTheMappedFiles(@TempDir Path dir) throws IOException {
        Path maps = dir.resolve("maps");
        Files.writeString(maps, String.join("\n",
                "7f00-7f01 r-xp 00000000 08:01 1 /usr/lib/x86_64-linux-gnu/libc.so.6",
                "7f02-7f03 r-xp 00001000 08:01 2 /root/.cache/creamlab/native/libcreamlab_mkl_vendor_shim.so",
                ""));
        assertEquals("/root/.cache/creamlab/native/libcreamlab_mkl_vendor_shim.so", NativeEnvironment.mappedShim(maps));
        Files.writeString(maps, "7f00-7f01 r-xp 00000000 08:01 1 /usr/lib/x86_64-linux-gnu/libc.so.6\n");
        assertNull(NativeEnvironment.mappedShim(maps));
        assertNull(NativeEnvironment.mappedShim(dir.resolve("absent")));
    }

    @Test
    void listsOnlyMallocSettingsSorted() {
        assertEquals("MALLOC_ARENA_MAX=1 MALLOC_TRIM_THRESHOLD_=5",
                NativeEnvironment.mallocSettings(Map.of("MALLOC_TRIM_THRESHOLD_", "5", "HOME", "/root", "MALLOC_ARENA_MAX", "1")));
        assertEquals("", NativeEnvironment.mallocSettings(Map.of("HOME", "/root")));
        assertTrue(new NativeEnvironment(null, "").describe().contains("not preloaded"));
    }
}
