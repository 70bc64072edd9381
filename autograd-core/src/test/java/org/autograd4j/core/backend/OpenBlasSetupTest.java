package org.autograd4j.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel choice as a pure function of CPU flags, the cpuinfo parser, and {@link OpenBlasSetup#ensure()}. */
class OpenBlasSetupTest {

    /** The OPENBLAS_CORETYPE spellings OpenBLAS 0.3.19 accepts that the choice may return. */
    private static final Set<String> NAMES = Set.of("SkylakeX", "Haswell", "Sandybridge", "Nehalem", "Prescott");

    private static final Set<String> AVX512 = Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd");

    private static final Set<String> SSE = Set.of("sse", "sse2", "pni", "ssse3", "sse4_1", "sse4_2");
    private static final Set<String> AVX2 = flags(SSE, "avx", "avx2", "fma", "f16c");

    private static Set<String> flags(Set<String> base, String... more) {
        Set<String> s = new HashSet<>(base);
        s.addAll(List.of(more));
        return s;
    }

    @Test
    void choosesTheBestTierWhoseInstructionsAreAllThere() {
        assertEquals("SkylakeX", OpenBlasSetup.chooseCoreType(flags(AVX2, AVX512.toArray(String[]::new))));
        assertEquals("Haswell", OpenBlasSetup.chooseCoreType(AVX2));
        assertEquals("Sandybridge", OpenBlasSetup.chooseCoreType(flags(SSE, "avx")));
        assertEquals("Nehalem", OpenBlasSetup.chooseCoreType(SSE));
        assertEquals("Prescott", OpenBlasSetup.chooseCoreType(Set.of("sse", "sse2", "pni", "ssse3")));
        assertNull(OpenBlasSetup.chooseCoreType(Set.of("sse", "sse2")));
        assertNull(OpenBlasSetup.chooseCoreType(Set.of()));
    }

    @Test
    void aMissingInstructionSetDropsATierRatherThanRiskACrash() {
        for (String missing : AVX512) {
            Set<String> f = flags(AVX2, AVX512.toArray(String[]::new));
            f.remove(missing);
            assertEquals("Haswell", OpenBlasSetup.chooseCoreType(f), "without " + missing);
        }
        Set<String> noFma = flags(AVX2, AVX512.toArray(String[]::new));
        noFma.remove("fma");
        assertEquals("Sandybridge", OpenBlasSetup.chooseCoreType(noFma));
        Set<String> noAvx = new HashSet<>(AVX2);
        noAvx.remove("avx");  // an OS that does not save AVX state: the kernel hides avx, so avx2 is unusable too
        assertEquals("Nehalem", OpenBlasSetup.chooseCoreType(noAvx));
    }

    @Test
    void everyChoiceIsANameOpenBlasAccepts() {
        List<Set<String>> cases = List.of(flags(AVX2, AVX512.toArray(String[]::new)), AVX2, flags(SSE, "avx"), SSE,
                Set.of("pni"));
        for (Set<String> f : cases) {
            assertTrue(NAMES.contains(OpenBlasSetup.chooseCoreType(f)), f.toString());
        }
    }

    @Test
    void readsTheFlagsOfTheFirstProcessor(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cpuinfo");
        Files.writeString(file, "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu SSE2 pni avx  avx2 fma\n"
                + "bugs\t\t: spectre_v1\n\nprocessor\t: 1\nflags\t\t: fpu\n");
        assertEquals(Set.of("fpu", "sse2", "pni", "avx", "avx2", "fma"), OpenBlasSetup.readCpuFlags(file));
        Files.writeString(file, "processor\t: 0\nFeatures\t: fp asimd\n");
        assertNull(OpenBlasSetup.readCpuFlags(file));
        assertNull(OpenBlasSetup.readCpuFlags(dir.resolve("absent")));
    }

    @Test
    void ensureIsIdempotentAndAgreesAcrossThreads() throws Exception {
        OpenBlasSetup.ensure();
        String first = OpenBlasSetup.chosenCoreType();
        OpenBlasSetup.ensure();
        assertEquals(first, OpenBlasSetup.chosenCoreType());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> seen = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                seen.add(pool.submit(() -> {
                    OpenBlasSetup.ensure();
                    return String.valueOf(OpenBlasSetup.chosenCoreType());
                }));
            }
            for (Future<String> f : seen) {
                assertEquals(String.valueOf(first), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onLinuxX8664TheChoiceIsInTheProcessEnvironment() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        assumeTrue(os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64")), "Linux x86-64 only");
        String fromUser = System.getenv(OpenBlasSetup.CORETYPE);
        String chosen = OpenBlasSetup.chosenCoreType();
        if (fromUser != null) {
            assertEquals(fromUser, chosen, "a user's OPENBLAS_CORETYPE is kept");
        } else {
            Set<String> cpu = OpenBlasSetup.readCpuFlags(Path.of("/proc/cpuinfo"));
            assumeTrue(cpu != null, "no /proc/cpuinfo");
            assertEquals(OpenBlasSetup.chooseCoreType(cpu), chosen);
        }
        assertEquals(chosen, libcGetenv(OpenBlasSetup.CORETYPE));
        assertNotNull(libcGetenv(OpenBlasSetup.WAIT_POLICY));
    }

    private static String libcGetenv(String name) {
        return com.sun.jna.NativeLibrary.getInstance("c").getFunction("getenv")
                .invokeString(new Object[] {name}, false);
    }
}
