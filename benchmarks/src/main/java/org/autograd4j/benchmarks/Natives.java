package org.autograd4j.benchmarks;

import static org.autograd4j.core.nd4j.Nd4jInterop.toNd4j;

import org.autograd4j.core.Tensor;
import org.autograd4j.core.backend.BlasBackend;

/**
 * Thread settings for the native libraries, applied inside the process before they load, and what the process reports
 * about itself (threads, RSS).
 *
 * <p>OpenBLAS reads {@code OPENBLAS_NUM_THREADS}/{@code OMP_NUM_THREADS} once when it loads, and libgomp (under ND4J)
 * reads {@code OMP_NUM_THREADS} once too; core's {@link BlasBackend#prepareEnvironment(int)} sets them (and
 * {@code OMP_WAIT_POLICY=PASSIVE}, and the OpenBLAS kernel) inside the process before the first native use. After
 * loading, the count is also forced through {@link BlasBackend#setThreads} (OpenBLAS or MKL) and read back, so a report
 * never claims a thread count that was not in force.
 */
public final class Natives {
    private static int requested = -1;

    private Natives() {
    }

    /**
     * Applies a thread count (from {@code threads}, else the {@code THREADS} environment variable; 0 or absent keeps
     * the libraries' defaults) and {@code OMP_WAIT_POLICY=PASSIVE}. Call first thing in a fresh JVM; later calls are
     * no-ops.
     *
     * @return the requested count, or 0 for the defaults
     */
    public static synchronized int configure(int threads) {
        if (requested >= 0) {
            return requested;
        }
        int t = threads > 0 ? threads : parse(System.getenv("THREADS"));
        if (!BlasBackend.prepareEnvironment(t)) {
            System.err.println("warning: could not set " + (t > 0 ? "OMP_NUM_THREADS/OPENBLAS_NUM_THREADS=" + t
                    + " and " : "") + "OMP_WAIT_POLICY=PASSIVE in this process (no JNA or libc)");
        }
        requested = t;
        return t;
    }

    /**
     * Loads the engine's BLAS (a product large enough to leave the Java path, so core picks the OpenBLAS kernel, or
     * MKL, first) and forces the thread count requested by {@link #configure}.
     *
     * @return the thread count the library reports afterwards
     */
    public static int loadEngineBlas() {
        configure(0);
        Tensor a = Tensor.ones(80, 80).to(org.autograd4j.core.DType.FLOAT32);
        a.matmul(a);
        if (requested > 0 && BlasBackend.current() != BlasBackend.Library.JAVA) {
            BlasBackend.setThreads(requested);
        }
        int n = BlasBackend.threads();
        return n > 0 ? n : threadsInForce();
    }

    /**
     * The engine's BLAS as {@code key=value} fields for INFO lines: {@code blas=OPENBLAS openblas_kernel=SkylakeX
     * blas_in_place=true} or {@code blas=MKL blas_in_place=true} (false when products copy their operands).
     */
    public static String engineBlasFields() {
        BlasBackend.Library lib = BlasBackend.current();
        String d = BlasBackend.describe();
        String kernel = lib == BlasBackend.Library.OPENBLAS && d.contains("(kernel ")
                ? d.substring(d.indexOf("(kernel ") + 8, d.indexOf(')')) : null;
        return "blas=" + lib + (kernel == null ? "" : " openblas_kernel=" + kernel) + " blas_in_place="
                + d.endsWith("in place");
    }

    /**
     * Loads ND4J after core's kernel choice ({@code Nd4jInterop.toNd4j} runs it first) and applies the thread count
     * to ND4J's OpenMP pool and its BLAS.
     */
    public static void loadNd4j() {
        loadEngineBlas();
        toNd4j(Tensor.scalar(1.0));
        if (requested > 0) {
            org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxThreads(requested);
            org.nd4j.linalg.factory.Nd4j.getEnvironment().setMaxMasterThreads(requested);
            org.nd4j.linalg.factory.Nd4j.factory().blas().setMaxThreads(requested);
        }
    }

    /** The thread count to report: the requested one, else the number of CPUs (the libraries' default). */
    public static int threadsInForce() {
        return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
    }

    /** A value from {@code /proc/self/status} in KiB (e.g. {@code VmHWM}, {@code VmRSS}); -1 where unavailable. */
    public static long procStatusKib(String key) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static int parse(String s) {
        if (s == null || s.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("THREADS must be a whole number, got '" + s + "'");
        }
    }
}
