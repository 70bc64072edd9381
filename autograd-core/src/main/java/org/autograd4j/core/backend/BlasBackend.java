package org.autograd4j.core.backend;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.autograd4j.core.HeapGemm;

/**
 * Which native library runs the engine's large matrix products, and with how many threads.
 *
 * <p>By default that is OpenBLAS, which ND4J brings along. Intel MKL is used instead when its natives are on the
 * classpath: add {@code org.bytedeco:mkl:2022.0-1.5.7} with the classifiers {@code linux-x86_64} and
 * {@code linux-x86_64-redist} (this project's builds take {@code -Pmkl}). Why offer it: it is the BLAS inside PyTorch's
 * x86 builds (and conda's NumPy), so it allows like-for-like comparisons, and some users standardise on it. Why not the
 * default: its natives are a 210 MB download (630 MB unpacked), and on the machine measured here it was no faster:
 * timed alternately in one process, its sgemm ran the eight products of an MNIST-sized MLP step within 1 % of
 * OpenBLAS's (medians of 200 alternations; an earlier 15–25 % lead measured in separate processes was within that
 * machine's run-to-run noise). Results differ from OpenBLAS's only by float rounding; MKL does not promise
 * bit-identical results across runs unless its {@code MKL_CBWR} setting asks for them.
 *
 * <p>The choice is made once, at the first product large enough for the native path, from the system property
 * {@value #PROPERTY} or else the environment variable {@value #ENV}: {@code auto} (the default: MKL when it loads,
 * else OpenBLAS, else the Java kernels), {@code openblas}, {@code mkl} (MKL or an error), or {@code java} (the
 * engine's pure-Java kernels for every product; no native library is loaded at all). An invalid setting, or
 * {@code mkl} without MKL, makes every large product throw an {@link IllegalStateException} that says what to fix.
 *
 * <p>Platforms: the natives come from {@code org.bytedeco:openblas} for the build machine's platform (see README,
 * "Environment"). Where they are missing or do not load, {@code auto} falls back to the Java kernels, which are
 * correct but 10–30× slower per multiply-add on large products; {@link #describe()} then says so and why.
 *
 * <pre>{@code
 * java -Dautograd4j.blas=openblas -jar app.jar     // force OpenBLAS even with MKL on the classpath
 * java -Dautograd4j.blas=java -jar app.jar         // no natives: the Java kernels only
 * BlasBackend.current();                           // MKL, OPENBLAS or JAVA
 * }</pre>
 */
public final class BlasBackend {
    /** The system property that chooses the library. */
    public static final String PROPERTY = "autograd4j.blas";
    /** The environment variable read when the property is not set. */
    public static final String ENV = "AUTOGRAD4J_BLAS";

    /**
     * The system property that, set to {@code false}, makes every native product copy its operands to off-heap memory
     * and its result back, instead of handing BLAS the Java arrays in place (the default, where the engine's small JNI
     * library loads): an escape hatch for JVMs on which locking arrays for BLAS misbehaves.
     */
    public static final String IN_PLACE_PROPERTY = "autograd4j.blas.inPlace";

    static final List<String> VALID_SETTINGS = List.of("auto", "openblas", "mkl", "java");
    static final String MKL_ARTIFACTS = "org.bytedeco:mkl:2022.0-1.5.7 with classifiers linux-x86_64 and"
            + " linux-x86_64-redist";

    /** The libraries that can run the large products. */
    public enum Library {
        /** Intel MKL ({@code mkl_rt}). */
        MKL,
        /** OpenBLAS, as bundled with ND4J. */
        OPENBLAS,
        /**
         * Every product runs in the engine's Java kernels: asked for ({@code autograd4j.blas=java}), or the fallback
         * when no native library could be loaded on this platform ({@link #describe()} says which).
         */
        JAVA
    }

    private BlasBackend() {
    }

    /**
     * Prepares this process for OpenBLAS loaded by another library in it (ND4J, DL4J): sets {@code OPENBLAS_CORETYPE}
     * to a kernel that fits this CPU and {@code OMP_WAIT_POLICY=PASSIVE}, unless they are set already (README,
     * "Environment"). The engine does this itself before its own first native product; call it before such a library
     * loads its natives. Cheap after the first call; never throws; does nothing off Linux x86-64.
     */
    public static void prepareEnvironment() {
        OpenBlasSetup.ensure();
    }

    /**
     * {@link #prepareEnvironment()}, and the natives' thread count fixed before they load: sets
     * {@code OMP_NUM_THREADS} and {@code OPENBLAS_NUM_THREADS} to {@code threads}, replacing values the environment
     * has (the caller asks for this count), and {@code OMP_WAIT_POLICY=PASSIVE} unless it is set, on any platform
     * with libc. For programs that fix their thread count first thing, such as the benchmarks; OpenBLAS, MKL's
     * OpenMP and ND4J's libgomp read these once, when they load. Once loaded, {@link #setThreads(int)} changes the
     * count of the engine's library.
     *
     * @param threads the thread count, or 0 to keep the libraries' defaults
     * @return false when a variable could not be set (no JNA, no libc's {@code setenv}): then the libraries use their
     *         defaults
     * @throws IllegalArgumentException when {@code threads < 0}
     */
    public static boolean prepareEnvironment(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("BlasBackend.prepareEnvironment: the thread count must be >= 0, got "
                    + threads);
        }
        boolean set = OpenBlasSetup.setThreadsBeforeLoad(threads);
        OpenBlasSetup.ensure();
        return set;
    }

    /**
     * The library in use, loading it if no large product has run yet.
     *
     * @return MKL, OPENBLAS, or JAVA when no native library is in use
     * @throws IllegalStateException when the setting is invalid or asks for MKL and MKL cannot be loaded
     */
    public static Library current() {
        String failure = Blas.failure();
        if (failure != null) {
            throw new IllegalStateException("BlasBackend: " + failure);
        }
        if (!Blas.nativeUsable()) {
            return Library.JAVA;
        }
        return Blas.usesMkl() ? Library.MKL : Library.OPENBLAS;
    }

    /**
     * One line for logs and reports: the library, its threads, and whether products run on the Java arrays in place
     * (see {@link #IN_PLACE_PROPERTY}) or copy their operands, with the reason when the engine's JNI library did not
     * load; e.g. {@code "OpenBLAS (kernel SkylakeX), 2 threads, on the Java arrays in place"},
     * {@code "Intel(R) oneAPI Math Kernel Library Version 2022.0 ..., 1 thread, operands copied"},
     * {@code "Java kernels (autograd4j.blas=java)"} or, where no native library loads,
     * {@code "Java kernels (fallback: no native BLAS for macosx-arm64: ...)"}.
     *
     * @return the description, one line
     *
     * @throws IllegalStateException as {@link #current()}
     */
    public static String describe() {
        return switch (current()) {
            case MKL -> Mkl.version() + ", " + threadsPhrase() + placePhrase();
            case OPENBLAS -> {
                String kernel = OpenBlasSetup.loadedCoreName();
                yield "OpenBLAS" + (kernel == null ? "" : " (kernel " + kernel.trim() + ")") + ", " + threadsPhrase()
                        + placePhrase();
            }
            case JAVA -> Blas.fallbackReason() == null ? "Java kernels (" + PROPERTY + "=java)"
                    : "Java kernels (fallback: " + Blas.fallbackReason().replaceAll("\\s+", " ") + ")";
        };
    }

    private static String placePhrase() {
        if (Blas.inPlaceAvailable()) {
            return ", on the Java arrays in place";
        }
        return ", operands copied" + (HeapGemm.FAILURE == null ? "" : " (" + HeapGemm.FAILURE.replaceAll("\\s+", " ")
                + ")");
    }

    private static String threadsPhrase() {
        int n = threads();
        return n == 1 ? "1 thread" : n < 0 ? "threads unknown" : n + " threads";
    }

    /**
     * The number of threads the library may use for one product (1 for {@link Library#JAVA}; -1 when OpenBLAS
     * cannot be asked, which needs JNA and Linux).
     *
     * @return the thread count, at least 1, or -1 when unknown
     * @throws IllegalStateException as {@link #current()}
     */
    public static int threads() {
        return switch (current()) {
            case MKL -> Mkl.threads();
            case OPENBLAS -> OpenBlasSetup.loadedThreads();
            case JAVA -> 1;
        };
    }

    /**
     * Sets the number of threads the library may use for one product, as PyTorch's {@code torch.set_num_threads}
     * does for its own. By default OpenBLAS uses one per CPU and MKL one per physical core, unless
     * {@code OMP_NUM_THREADS} (or {@code OPENBLAS_NUM_THREADS} / {@code MKL_NUM_THREADS}) was set before start. The
     * engine's large elementwise passes, reductions and optimizer updates use as many threads ({@link Parallel}),
     * also with the Java kernels.
     *
     * @param n the thread count, at least 1; above the CPU count it only adds overhead
     * @throws IllegalArgumentException when {@code n < 1}
     * @throws IllegalStateException as {@link #current()}, or when OpenBLAS's setting cannot be reached (needs JNA
     *                               and Linux)
     */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("BlasBackend.setThreads: the thread count must be >= 1, got " + n);
        }
        switch (current()) {
            case MKL -> Mkl.setThreads(n);
            case OPENBLAS -> {
                if (!OpenBlasSetup.setLoadedThreads(n)) {
                    throw new IllegalStateException("BlasBackend.setThreads: OpenBLAS's thread count cannot be set"
                            + " here; set OMP_NUM_THREADS before starting Java instead");
                }
            }
            case JAVA -> {
                // the Java kernels are single-threaded; nothing to set
            }
        }
        Parallel.setThreads(n);
    }

    /**
     * What {@link #choose} decided: the library to try (MKL, OpenBLAS, or JAVA when asked for), or why the setting
     * cannot be honoured ({@code failure}, else null).
     */
    record Choice(Library library, String failure) {
        boolean mkl() {
            return library == Library.MKL;
        }
    }

    /**
     * The decision for a setting. Pure but for {@code loadMkl}, which is asked only when MKL may be used and returns
     * null when MKL loaded, else why not.
     */
    static Choice choose(String setting, Supplier<String> loadMkl) {
        if (!VALID_SETTINGS.contains(setting)) {
            return new Choice(Library.JAVA, PROPERTY + " (or " + ENV + ") must be one of " + VALID_SETTINGS
                    + ", got '" + setting + "'");
        }
        if (setting.equals("java")) {
            return new Choice(Library.JAVA, null);
        }
        if (setting.equals("openblas")) {
            return new Choice(Library.OPENBLAS, null);
        }
        String why = loadMkl.get();
        if (why == null) {
            return new Choice(Library.MKL, null);
        }
        return new Choice(Library.OPENBLAS, setting.equals("mkl") ? PROPERTY + "=mkl, but Intel MKL could not be"
                + " loaded (" + why + "); add " + MKL_ARTIFACTS + " to the classpath, or leave the setting unset"
                : null);
    }

    /**
     * The {@link #IN_PLACE_PROPERTY} value read: true when unset; null, with {@link #inPlaceFailure} saying why, when
     * it is neither true nor false.
     */
    static Boolean inPlaceSetting(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE : null;
    }

    static String inPlaceFailure(String value) {
        return IN_PLACE_PROPERTY + " must be true or false, got '" + value + "'";
    }

    /** The raw setting: the property, else the environment variable, else {@code auto}; trimmed, lower case. */
    static String setting() {
        String s = System.getProperty(PROPERTY);
        if (s == null) {
            s = System.getenv(ENV);
        }
        return s == null || s.isBlank() ? "auto" : s.trim().toLowerCase(Locale.ROOT);
    }
}
