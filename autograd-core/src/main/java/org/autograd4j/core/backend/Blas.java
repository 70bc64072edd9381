package org.autograd4j.core.backend;

import java.util.Arrays;
import org.autograd4j.core.HeapGemm;

/**
 * The matrix-product kernel of the engine, on the engine's storage ({@code double[]} for FLOAT64, {@code float[]} for
 * FLOAT32, row-major, contiguous).
 *
 * <p>Why two paths: a native call costs a thread-local look-up, a JNI crossing, copies to and from off-heap memory
 * and OpenBLAS's own set-up, 0.1–0.3 µs in all, against 20–80 ns for a product of a few elements in plain Java. So
 * products up to {@link #JAVA_MAX_MACS} multiply-adds run as register-blocked Java loops ({@link JavaGemm}); larger
 * ones go to the native library's {@code cblas_sgemm}/{@code cblas_dgemm} (OpenBLAS, or Intel MKL when present: see
 * {@link BlasBackend}), whose kernels run 10–30× faster than Java per multiply-add.
 * The native path hands BLAS the Java arrays themselves ({@link HeapGemm}, a small JNI library of ours) for products
 * up to {@link HeapGemm#MAX_MACS}; larger ones, and every product where that library cannot load, work on per-thread
 * off-heap scratch buffers that grow as needed and are reused, at the price of copying operands in and the result out
 * (in the mlp-mnist-shape benchmark step those copies took 14–16 % of the time, 0.3–0.5 ms).
 *
 * <p>Library note: this binds {@code openblas_nolapack} from the bytedeco presets, which ND4J's own BLAS calls use
 * too; ND4J's native code links a second, identical copy ({@code libopenblas.so.0}). Both read
 * {@code OPENBLAS_CORETYPE} when they load, so {@link OpenBlasSetup#ensure()} runs first (see {@link NativeGemm}). MKL,
 * when chosen, replaces only this class's products; ND4J keeps its OpenBLAS.
 *
 * <p>Float32 note: both paths multiply and add in float32, as sgemm does.
 *
 * <p>Internal: public only so that the ops in {@code org.autograd4j.core} can call {@link #gemm}, {@link #gemmAdd}
 * and {@link #runsNatively}; not part of the API, may change in any release. {@link BlasBackend} is the API.
 */
public final class Blas {

    /**
     * Largest m·n·k still done in Java. Measured on the 2-core AVX-512 CI machine (SkylakeX kernel, best of 41
     * rounds): the native path costs about 0.1–0.3 µs at these sizes, Java about 0.5 ns per multiply-add, so they
     * cross between 256 and 512 (256: f64 Java 0.14 µs vs native 0.09–0.18; 512: f64 0.27 vs 0.11–0.20, f32 0.29 vs
     * 0.19–0.31). The upper end keeps every tiny product (up to 64 outputs with k up to 8) free of JNI and of
     * thread-local look-ups at a cost of at most ~0.15 µs; from ~1000 up the native path wins by 2–10×.
     */
    static final long JAVA_MAX_MACS = 512;

    /**
     * The same limit for float32 products, lower: HotSpot's scalar float loop runs no faster per multiply-add than the
     * double one, while the native sgemm path is cheaper than dgemm (half the bytes to copy). Measured as above:
     * 64 MACs Java 60–100 ns vs native 90–190; 105 MACs 170–200 vs 160–370; 256 MACs 240–350 vs 150–400.
     */
    static final long JAVA_MAX_MACS_F32 = 128;

    private Blas() {
    }

    /**
     * c[m×n] = op(a) · op(b) in float64, row-major, contiguous; a holds [m×k] ([k×m] if transA) from aOff, b holds
     * [k×n] ([n×k] if transB) from bOff; c is overwritten from cOff.
     *
     * @param transA whether a is stored transposed ([k×m])
     * @param transB whether b is stored transposed ([n×k])
     * @param m rows of op(a) and of c
     * @param n columns of op(b) and of c
     * @param k columns of op(a), rows of op(b)
     * @param a the left operand
     * @param aOff where a starts in its array
     * @param b the right operand
     * @param bOff where b starts in its array
     * @param c the result
     * @param cOff where c starts in its array
     * @throws IllegalArgumentException for negative sizes or offsets, or arrays too short for the sizes
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        check(m, n, k, a, aOff, b, bOff, c, cOff);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c, cOff, cOff + m * n, 0.0);
        } else if ((long) m * n * k <= JAVA_MAX_MACS || !nativeUsable()) {
            JavaGemm.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff);
        } else {
            NativeGemm.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, false);
        }
    }

    /**
     * {@link #gemm(boolean, boolean, int, int, int, double[], int, double[], int, double[], int)} in float32.
     *
     * @param transA whether a is stored transposed ([k×m])
     * @param transB whether b is stored transposed ([n×k])
     * @param m rows of op(a) and of c
     * @param n columns of op(b) and of c
     * @param k columns of op(a), rows of op(b)
     * @param a the left operand
     * @param aOff where a starts in its array
     * @param b the right operand
     * @param bOff where b starts in its array
     * @param c the result
     * @param cOff where c starts in its array
     * @throws IllegalArgumentException for negative sizes or offsets, or arrays too short for the sizes
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        check(m, n, k, a, aOff, b, bOff, c, cOff);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c, cOff, cOff + m * n, 0f);
        } else if ((long) m * n * k <= JAVA_MAX_MACS_F32 || !nativeUsable()) {
            JavaGemm.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff);
        } else {
            NativeGemm.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, false);
        }
    }

    /**
     * Whether a product of these sizes runs natively (else in Java): for callers that prepare an accumulating
     * product ({@link #gemmAdd}) only where the native path makes it pay.
     *
     * @param m rows of the product
     * @param n columns of the product
     * @param k the inner size
     * @param float32 whether the product is in float32 (else float64)
     * @return true when the product would run in the native library
     */
    public static boolean runsNatively(int m, int n, int k, boolean float32) {
        return (long) m * n * k > (float32 ? JAVA_MAX_MACS_F32 : JAVA_MAX_MACS) && nativeUsable();
    }

    /**
     * c[m×n] += op(a) · op(b), layout as in {@link #gemm}: in the native path c is BLAS's C with beta = 1, so an
     * addend (a bias broadcast into c) costs one copy in instead of a pass of its own; in Java, a product and an add.
     *
     *
     * @param transA whether a is stored transposed ([k×m])
     * @param transB whether b is stored transposed ([n×k])
     * @param m rows of op(a) and of c
     * @param n columns of op(b) and of c
     * @param k columns of op(a), rows of op(b)
     * @param a the left operand
     * @param aOff where a starts in its array
     * @param b the right operand
     * @param bOff where b starts in its array
     * @param c the addend on entry, the sum on return
     * @param cOff where c starts in its array
     * @throws IllegalArgumentException as {@link #gemm}
     */
    public static void gemmAdd(boolean transA, boolean transB, int m, int n, int k,
                        double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        check(m, n, k, a, aOff, b, bOff, c, cOff);
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        if (runsNatively(m, n, k, false)) {
            NativeGemm.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, true);
        } else {
            double[] t = new double[m * n];
            JavaGemm.gemm(transA, transB, m, n, k, a, aOff, b, bOff, t, 0);
            for (int i = 0; i < t.length; i++) {
                c[cOff + i] += t[i];
            }
        }
    }

    /**
     * The float32 twin of the method above.
     *
     * @param transA whether a is stored transposed ([k×m])
     * @param transB whether b is stored transposed ([n×k])
     * @param m rows of op(a) and of c
     * @param n columns of op(b) and of c
     * @param k columns of op(a), rows of op(b)
     * @param a the left operand
     * @param aOff where a starts in its array
     * @param b the right operand
     * @param bOff where b starts in its array
     * @param c the addend on entry, the sum on return
     * @param cOff where c starts in its array
     * @throws IllegalArgumentException as {@link #gemm}
     */
    public static void gemmAdd(boolean transA, boolean transB, int m, int n, int k,
                        float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        check(m, n, k, a, aOff, b, bOff, c, cOff);
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        if (runsNatively(m, n, k, true)) {
            NativeGemm.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, true);
        } else {
            float[] t = new float[m * n];
            JavaGemm.gemm(transA, transB, m, n, k, a, aOff, b, bOff, t, 0);
            for (int i = 0; i < t.length; i++) {
                c[cOff + i] += t[i];
            }
        }
    }

    /**
     * Whether large products run natively (false only when the natives failed to load: then they run in Java).
     *
     * @throws IllegalStateException when the {@code autograd4j.blas} setting is invalid or asks for a missing MKL
     */
    static boolean nativeUsable() {
        if (NativeGemm.FAILURE != null) {
            throw new IllegalStateException("gemm: " + NativeGemm.FAILURE);
        }
        return NativeGemm.AVAILABLE;
    }

    /** Whether native products within {@link HeapGemm#MAX_MACS} run on the Java arrays in place; loads the natives. */
    static boolean inPlaceAvailable() {
        return NativeGemm.SGEMM != 0 && NativeGemm.DGEMM != 0;
    }

    /**
     * Why the Java kernels run although a native library was to be used (missing or not loadable on this platform),
     * or null; loads the natives.
     */
    static String fallbackReason() {
        return NativeGemm.FALLBACK;
    }

    /** Whether the native path is MKL (else OpenBLAS); loads the natives. */
    static boolean usesMkl() {
        return NativeGemm.MKL;
    }

    /** The setting's failure message, or null when the chosen backend runs; loads the natives. */
    static String failure() {
        return NativeGemm.FAILURE;
    }

    /**
     * Checks sizes and ranges; a, b and c are arrays of one type (double[] or float[]). Package-private so that the
     * tests' direct calls into the native path ({@code BlasHooks}) are checked with the same messages.
     */
    static void check(int m, int n, int k, Object a, int aOff, Object b, int bOff, Object c, int cOff) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: sizes must be >= 0, got m=" + m + ", n=" + n + ", k=" + k);
        }
        checkRange("a", a, aOff, (long) m * k);
        checkRange("b", b, bOff, (long) k * n);
        checkRange("c", c, cOff, (long) m * n);
    }

    private static void checkRange(String name, Object x, int off, long len) {
        if (x == null) {
            throw new IllegalArgumentException("gemm: " + name + " is null");
        }
        int length = java.lang.reflect.Array.getLength(x);
        if (off < 0 || off + len > length) {
            throw new IllegalArgumentException("gemm: " + name + " needs " + len + " elements from offset " + off
                    + " but has length " + length);
        }
    }
}
