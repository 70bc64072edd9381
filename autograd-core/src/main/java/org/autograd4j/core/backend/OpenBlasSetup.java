package org.autograd4j.core.backend;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes the bundled OpenBLAS use a CPU kernel that fits the machine, and makes OpenMP sleep instead of spin, by
 * setting two environment variables inside this process before the native libraries load.
 *
 * <p>Why: OpenBLAS 0.3.19 (what ND4J 1.0.0-M2.1 ships) does not recognise recent CPUs and falls back to its generic
 * Prescott (SSE3) kernels, which run matrix products 5–7× slower than the machine can and have crashed in
 * {@code sgemm_incopy_PRESCOTT}. It reads {@code OPENBLAS_CORETYPE} once, when the library loads; libgomp (loaded
 * with ND4J's native code) likewise reads {@code OMP_WAIT_POLICY} once at load, and its default busy-waiting fights
 * OpenBLAS's own threads on small machines. Java cannot change its own environment, so this class calls libc's
 * {@code setenv} through JNA (which ND4J already brings in).
 *
 * <p>Rules: a value the user already has is never replaced; the kernel is chosen from the instruction sets the
 * kernel reports in {@code /proc/cpuinfo}, so it never names instructions the CPU (and OS) lack; anything unexpected
 * (not Linux x86-64, no {@code /proc}, no JNA) leaves the process as it was. {@link #ensure()} must run before
 * anything loads OpenBLAS or ND4J; calling it later is harmless but has no effect.
 *
 * <p>Note on {@code setenv}: glibc's environment is not safe against a concurrent {@code getenv} in another
 * thread; this runs once, early, while the JVM's own threads do not read the environment.
 */
final class OpenBlasSetup {

    static final String CORETYPE = "OPENBLAS_CORETYPE";
    static final String WAIT_POLICY = "OMP_WAIT_POLICY";

    private static final Set<String> AVX512 = Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512cd");

    private static volatile boolean done;
    private static volatile String coreType;
    private static volatile boolean tooLate;

    private OpenBlasSetup() {
    }

    /** Sets the variables once; cheap (one volatile read) after the first call; never throws. */
    static void ensure() {
        if (done) {
            return;
        }
        synchronized (OpenBlasSetup.class) {
            if (done) {
                return;
            }
            coreType = System.getenv(CORETYPE);
            try {
                if (isLinuxX8664()) {
                    tooLate = isMapped("libopenblas");
                    coreType = configure();
                }
            } catch (RuntimeException | LinkageError e) {
                // Deliberately silent: without the setup OpenBLAS still works, only slower (see class note).
            }
            done = true;
        }
    }

    /**
     * The OpenBLAS kernel name that was set here or found in the environment; null when neither. Only the tests read
     * it (OpenBlasSetupTest, BlasMeasure): kept here because it reads this class's private state.
     */
    static String chosenCoreType() {
        ensure();
        return coreType;
    }

    /**
     * Whether OpenBLAS was already loaded when {@link #ensure()} first ran, so the choice could not take effect. Only
     * BlasMeasure (tests) reports it: kept here because it reads this class's private state.
     */
    static boolean wasTooLate() {
        ensure();
        return tooLate;
    }

    /**
     * The kernel for a CPU with these {@code /proc/cpuinfo} flags, in OpenBLAS 0.3.19's {@code OPENBLAS_CORETYPE}
     * spelling, or null when not even SSE3 is there (then nothing is safe to force; OpenBLAS decides). Each tier
     * asks for every instruction set its kernels use, so a wrong answer can only be a slower one, never a SIGILL.
     * Pure: depends only on its argument.
     */
    static String chooseCoreType(Set<String> flags) {
        boolean avx = flags.contains("avx");
        boolean avx2 = avx && flags.contains("avx2") && flags.contains("fma");
        if (avx2 && flags.containsAll(AVX512)) {
            return "SkylakeX";
        }
        if (avx2) {
            return "Haswell";
        }
        if (avx) {
            return "Sandybridge";
        }
        if (flags.contains("sse4_2")) {
            return "Nehalem";
        }
        return flags.contains("pni") ? "Prescott" : null;
    }

    /** The {@code flags} of the first processor in a {@code /proc/cpuinfo}-style file; null when there is none. */
    static Set<String> readCpuFlags(Path cpuinfo) {
        try (BufferedReader in = Files.newBufferedReader(cpuinfo, StandardCharsets.ISO_8859_1)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals("flags")) {
                    return Arrays.stream(line.substring(colon + 1).trim().split("\\s+"))
                            .map(s -> s.toLowerCase(Locale.ROOT))
                            .collect(Collectors.toUnmodifiableSet());
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The kernel the loaded OpenBLAS reports ({@code openblas_get_corename()}), or null when OpenBLAS is not loaded
     * yet or cannot be asked. For diagnostics and measurements: the presets do not map that function, so it is
     * called through JNA on the already-loaded library (this never loads it). Asks the copy {@link Blas} uses
     * ({@code libopenblas_nolapack}); note that ND4J's native code loads a second, identical copy
     * ({@code libopenblas.so.0}), which reads the same variable when it loads.
     */
    static String loadedCoreName() {
        try {
            String path = mappedPath("libopenblas_nolapack");
            path = path != null ? path : mappedPath("libopenblas");
            return path == null ? null : LibC.call(path, "openblas_get_corename");
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * The thread count of the OpenBLAS copy {@link Blas} uses ({@code openblas_get_num_threads()}, through JNA as
     * above), or -1 when it is not loaded or cannot be asked. (The presets' own {@code blas_get_num_threads} reports
     * only what was set through them, -1 before that.)
     */
    static int loadedThreads() {
        try {
            String path = mappedPath("libopenblas_nolapack");
            return path == null ? -1 : LibC.library(path).getFunction("openblas_get_num_threads")
                    .invokeInt(new Object[0]);
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }

    /** Sets that copy's thread count ({@code openblas_set_num_threads}); false when it could not be done. */
    static boolean setLoadedThreads(int n) {
        try {
            String path = mappedPath("libopenblas_nolapack");
            if (path == null) {
                return false;
            }
            LibC.library(path).getFunction("openblas_set_num_threads").invokeVoid(new Object[] {n});
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Sets an environment variable of this process unless it is already set (the user's value wins); false when it
     * is not set afterwards (not Linux, no JNA). For settings native libraries read once when they load; the class
     * note on {@code setenv} applies.
     */
    static boolean setenvIfAbsent(String name, String value) {
        try {
            if (LibC.getenv(name) == null) {
                LibC.setenv(name, value);
            }
            return LibC.getenv(name) != null;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Sets the natives' thread count for when they load ({@code OMP_NUM_THREADS} and {@code OPENBLAS_NUM_THREADS},
     * replacing values the environment has: the caller asks for this count; none for 0) and
     * {@code OMP_WAIT_POLICY=PASSIVE} unless it is set; false when one could not be set (no JNA, no libc). The class
     * note on {@code setenv} applies.
     */
    static boolean setThreadsBeforeLoad(int threads) {
        try {
            boolean ok = true;
            if (threads > 0) {
                ok = LibC.setenv("OMP_NUM_THREADS", Integer.toString(threads), true);
                ok &= LibC.setenv("OPENBLAS_NUM_THREADS", Integer.toString(threads), true);
            }
            return setenvIfAbsent(WAIT_POLICY, "PASSIVE") && ok;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String configure() {
        String existing = LibC.getenv(CORETYPE);
        if (existing == null) {
            Set<String> flags = readCpuFlags(Path.of("/proc/cpuinfo"));
            String choice = flags == null ? null : chooseCoreType(flags);
            if (choice != null && LibC.setenv(CORETYPE, choice)) {
                existing = LibC.getenv(CORETYPE);
            }
        }
        if (LibC.getenv(WAIT_POLICY) == null) {
            LibC.setenv(WAIT_POLICY, "PASSIVE");
        }
        return existing;
    }

    private static boolean isLinuxX8664() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    private static boolean isMapped(String libName) {
        return mappedPath(libName) != null;
    }

    /** The file of a mapped shared library whose name starts with the prefix, from /proc/self/maps; or null. */
    private static String mappedPath(String prefix) {
        try (BufferedReader in = Files.newBufferedReader(Path.of("/proc/self/maps"), StandardCharsets.ISO_8859_1)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int slash = line.indexOf('/');
                if (slash >= 0 && line.startsWith(prefix, line.lastIndexOf('/') + 1)) {
                    return line.substring(slash);
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** libc through JNA, kept in its own class so that a missing JNA fails here, inside the callers' catch. */
    private static final class LibC {
        private static final com.sun.jna.NativeLibrary C = com.sun.jna.NativeLibrary.getInstance("c");

        static String getenv(String name) {
            return C.getFunction("getenv").invokeString(new Object[] {name}, false);
        }

        /** Sets without overwriting (a value appearing meanwhile wins); true on success. */
        static boolean setenv(String name, String value) {
            return setenv(name, value, false);
        }

        static boolean setenv(String name, String value, boolean overwrite) {
            return C.getFunction("setenv").invokeInt(new Object[] {name, value, overwrite ? 1 : 0}) == 0;
        }

        static String call(String libraryPath, String function) {
            return library(libraryPath).getFunction(function).invokeString(new Object[0], false);
        }

        static com.sun.jna.NativeLibrary library(String path) {
            return com.sun.jna.NativeLibrary.getInstance(path);
        }
    }
}
