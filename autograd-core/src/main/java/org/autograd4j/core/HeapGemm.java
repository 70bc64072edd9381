package org.autograd4j.core;

import java.io.File;
import org.bytedeco.javacpp.Loader;

/**
 * Native BLAS products straight on the engine's Java arrays, with no copies, for
 * {@link org.autograd4j.core.backend.Blas}: a small JNI library of our own ({@code src/main/c/heap_gemm.c}, built by
 * {@code src/main/c/build.sh} when Maven builds autograd-core on linux-x86_64, and shipped in the jar) locks the arrays
 * with
 * {@code GetPrimitiveArrayCritical} and calls the BLAS routine that the engine already loaded (OpenBLAS or MKL), found
 * by its address.
 *
 * <p>Why: the bytedeco bindings take off-heap memory, so each product used to copy its operands out of the heap and its
 * result back in; in the mlp-mnist-shape training step those copies were 14–16 % of the time (perf, 1 thread), and they
 * were what kept the step behind PyTorch's.
 *
 * <p>Why a size limit ({@link #MAX_MACS}): while an array is locked the JVM cannot collect garbage, and other threads
 * that allocate wait; products up to the limit finish within a few milliseconds. Larger ones are dominated by their
 * multiply-adds (which grow as n³ against the copies' n²) and take the copying path.
 *
 * <p>Where the library cannot load (another OS or CPU, an old C library, or a jar built without gcc) {@link #AVAILABLE}
 * is false, {@link #FAILURE} says why (and {@code BlasBackend.describe()} with it), and every product copies as before;
 * nothing else changes.
 *
 * <p>Internal, not API: public only for {@code org.autograd4j.core.backend}, which holds the rest of the BLAS backend.
 * It stays in this package because the library's JNI symbols ({@code Java_org_autograd4j_core_HeapGemm_*}) name this
 * class.
 */
public final class HeapGemm {
    /** Largest m·n·k done in place: 2^27 multiply-adds, about 3 ms on one core of the machines measured here. */
    public static final long MAX_MACS = 1L << 27;

    static final String LIBRARY = "libautograd4j_heapgemm.so";

    /** Why the library did not load, or null when it did. */
    public static final String FAILURE = loadLibrary();
    /** Whether the library loaded. */
    public static final boolean AVAILABLE = FAILURE == null;

    private HeapGemm() {
    }

    private static String loadLibrary() {
        if (!"linux-x86_64".equals(Loader.getPlatform())) {
            return "no build for " + Loader.getPlatform();
        }
        try {
            File file = Loader.cacheResource(HeapGemm.class, "linux-x86_64/" + LIBRARY);
            if (file == null) {
                return LIBRARY + " is not in this jar: it was built without gcc, or with -P!native"
                        + " (see autograd-core/src/main/c/build.sh)";
            }
            System.load(file.getAbsolutePath());
            return null;
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            return LIBRARY + " did not load: " + e;
        }
    }

    /**
     * The address of a BLAS routine in a loaded library, for {@link #sgemm}/{@link #dgemm}.
     *
     * @param library a library already loaded into this process (a JNI library is fine: its dependencies are searched)
     * @param symbol the routine's name, e.g. {@code cblas_sgemm}
     * @return the address, or 0 when this class is unavailable or the symbol is not there
     */
    public static long address(String library, String symbol) {
        return AVAILABLE && library != null ? lookup(library, symbol) : 0;
    }

    /**
     * The SHA-256 of the {@code heap_gemm.c} that the loaded library was built from.
     *
     * @return the hash in lower-case hex
     */
    public static native String sourceHash();

    private static native long lookup(String path, String symbol);

    /**
     * {@code c = op(a)·op(b) + beta·c} with CBLAS's {@code cblas_sgemm} at {@code fn}, row-major, on the arrays in
     * place. The caller has checked every size, offset and length, and that {@code c} is neither {@code a} nor
     * {@code b}: nothing is checked here.
     *
     * @param fn the routine's address, from {@link #address}
     * @param transA CBLAS's transpose code for a
     * @param transB CBLAS's transpose code for b
     * @param m rows of op(a) and of c
     * @param n columns of op(b) and of c
     * @param k columns of op(a), rows of op(b)
     * @param a the left operand
     * @param aOff where a starts in its array
     * @param lda a's leading dimension
     * @param b the right operand
     * @param bOff where b starts in its array
     * @param ldb b's leading dimension
     * @param beta the factor on c's old contents
     * @param c the result
     * @param cOff where c starts in its array
     * @param ldc c's leading dimension
     */
    public static native void sgemm(long fn, int transA, int transB, int m, int n, int k, float[] a, int aOff, int lda,
                             float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc);

    /**
     * The float64 twin of {@link #sgemm}, for {@code cblas_dgemm}.
     *
     * @param fn the routine's address, from {@link #address}
     * @param transA CBLAS's transpose code for a
     * @param transB CBLAS's transpose code for b
     * @param m rows of op(a) and of c
     * @param n columns of op(b) and of c
     * @param k columns of op(a), rows of op(b)
     * @param a the left operand
     * @param aOff where a starts in its array
     * @param lda a's leading dimension
     * @param b the right operand
     * @param bOff where b starts in its array
     * @param ldb b's leading dimension
     * @param beta the factor on c's old contents
     * @param c the result
     * @param cOff where c starts in its array
     * @param ldc c's leading dimension
     */
    public static native void dgemm(long fn, int transA, int transB, int m, int n, int k, double[] a, int aOff, int lda,
                             double[] b, int bOff, int ldb, double beta, double[] c, int cOff, int ldc);
}
