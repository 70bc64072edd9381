package org.autograd4j.core;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

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
 * {@code OPENBLAS_CORETYPE} when they load, so {@link OpenBlasSetup#ensure()} runs first (see {@code Native}). MKL,
 * when chosen, replaces only this class's products; ND4J keeps its OpenBLAS.
 *
 * <p>Float32 note: both paths multiply and add in float32, as sgemm does.
 */
final class Blas {

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
     * @throws IllegalArgumentException for negative sizes or offsets, or arrays too short for the sizes
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
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
            Native.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, false);
        }
    }

    /** {@link #gemm(boolean, boolean, int, int, int, double[], int, double[], int, double[], int)} in float32. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
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
            Native.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, false);
        }
    }

    /**
     * Whether a product of these sizes runs natively (else in Java): for callers that prepare an accumulating
     * product ({@link #gemmAdd}) only where the native path makes it pay.
     */
    static boolean runsNatively(int m, int n, int k, boolean float32) {
        return (long) m * n * k > (float32 ? JAVA_MAX_MACS_F32 : JAVA_MAX_MACS) && nativeUsable();
    }

    /**
     * c[m×n] += op(a) · op(b), layout as in {@link #gemm}: in the native path c is BLAS's C with beta = 1, so an
     * addend (a bias broadcast into c) costs one copy in instead of a pass of its own; in Java, a product and an add.
     *
     * @throws IllegalArgumentException as {@link #gemm}
     */
    static void gemmAdd(boolean transA, boolean transB, int m, int n, int k,
                        double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        check(m, n, k, a, aOff, b, bOff, c, cOff);
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        if (runsNatively(m, n, k, false)) {
            Native.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, true);
        } else {
            double[] t = new double[m * n];
            JavaGemm.gemm(transA, transB, m, n, k, a, aOff, b, bOff, t, 0);
            for (int i = 0; i < t.length; i++) {
                c[cOff + i] += t[i];
            }
        }
    }

    /** The float32 twin of the method above. */
    static void gemmAdd(boolean transA, boolean transB, int m, int n, int k,
                        float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        check(m, n, k, a, aOff, b, bOff, c, cOff);
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        if (runsNatively(m, n, k, true)) {
            Native.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, true);
        } else {
            float[] t = new float[m * n];
            JavaGemm.gemm(transA, transB, m, n, k, a, aOff, b, bOff, t, 0);
            for (int i = 0; i < t.length; i++) {
                c[cOff + i] += t[i];
            }
        }
    }

    /**
     * {@link #gemm} always through OpenBLAS, whatever the size (for tests and measurements; zero sizes stay in
     * Java, where OpenBLAS would reject a leading dimension of 0).
     *
     * @throws IllegalStateException when OpenBLAS could not be loaded
     */
    static void nativeGemm(boolean transA, boolean transB, int m, int n, int k,
                           double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        check(m, n, k, a, aOff, b, bOff, c, cOff);
        requireNative();
        if (m == 0 || n == 0 || k == 0) {
            gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff);
        } else {
            Native.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, false);
        }
    }

    /** The float32 twin of the method above. */
    static void nativeGemm(boolean transA, boolean transB, int m, int n, int k,
                           float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        check(m, n, k, a, aOff, b, bOff, c, cOff);
        requireNative();
        if (m == 0 || n == 0 || k == 0) {
            gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff);
        } else {
            Native.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, false);
        }
    }

    private static void requireNative() {
        if (!nativeUsable()) {
            throw new IllegalStateException("gemm: no native BLAS could be loaded");
        }
    }

    /**
     * Whether large products run natively (false only when the natives failed to load: then they run in Java).
     *
     * @throws IllegalStateException when the {@code autograd4j.blas} setting is invalid or asks for a missing MKL
     */
    static boolean nativeUsable() {
        if (Native.FAILURE != null) {
            throw new IllegalStateException("gemm: " + Native.FAILURE);
        }
        return Native.AVAILABLE;
    }

    /** Whether large products run natively; never throws (false also when the backend setting is unusable). */
    static boolean nativeAvailable() {
        return Native.FAILURE == null && Native.AVAILABLE;
    }

    /** Whether native products within {@link HeapGemm#MAX_MACS} run on the Java arrays in place; loads the natives. */
    static boolean inPlaceAvailable() {
        return Native.SGEMM != 0 && Native.DGEMM != 0;
    }

    /**
     * Turns the in-place native path on or off (for tests of the copying path and for measurements); returns the
     * previous setting.
     */
    static boolean inPlace(boolean on) {
        boolean was = Native.inPlace;
        Native.inPlace = on;
        return was;
    }

    /**
     * Why the Java kernels run although a native library was to be used (missing or not loadable on this platform),
     * or null; loads the natives.
     */
    static String fallbackReason() {
        return Native.FALLBACK;
    }

    /** Whether the native path is MKL (else OpenBLAS); loads the natives. */
    static boolean usesMkl() {
        return Native.MKL;
    }

    /** The setting's failure message, or null when the chosen backend runs; loads the natives. */
    static String failure() {
        return Native.FAILURE;
    }

    /** Checks sizes and ranges; a, b and c are arrays of one type (double[] or float[]). */
    private static void check(int m, int n, int k, Object a, int aOff, Object b, int bOff, Object c, int cOff) {
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

    /**
     * The native path: OpenBLAS or Intel MKL, chosen once as {@link BlasBackend} describes. A holder class, so that the
     * natives load (after {@link OpenBlasSetup#ensure()}, which must come first) on the first large product, not when
     * {@code Blas} is first used.
     */
    private static final class Native {
        /** Whether products go to MKL (else OpenBLAS); final, so the JIT folds the branch in {@link #gemm}. */
        static final boolean MKL;
        static final boolean AVAILABLE;
        /** Why the backend the user asked for cannot run (a bad setting, or MKL asked for but missing); else null. */
        static final String FAILURE;

        /**
         * Why the Java kernels run although natives were asked for (they are missing or did not load on this
         * platform); null when a native library runs, when Java was asked for, or when the setting is unusable.
         */
        static final String FALLBACK;

        static {
            String setting = BlasBackend.setting();
            // Java asked for: load nothing native (not even JNA for the set-up), so it runs where natives would crash.
            if (!setting.equals("java")) {
                OpenBlasSetup.ensure();
            }
            BlasBackend.Choice choice = BlasBackend.choose(setting, Mkl::load);
            boolean ok = choice.mkl();
            String library = choice.mkl() ? Mkl.path : null;
            String fallback = null;
            if (choice.library() == BlasBackend.Library.OPENBLAS && choice.failure() == null) {
                try {
                    library = Loader.load(openblas_nolapack.class);
                    ok = true;
                } catch (RuntimeException | LinkageError e) {
                    ok = false;
                    String why = e.getClass().getSimpleName() + ": " + e.getMessage();
                    fallback = "no native BLAS for " + platform() + ": " + (why.length() <= 100 ? why
                            : why.substring(0, 97) + "...");
                }
            }
            FALLBACK = fallback;
            String inPlaceValue = System.getProperty(BlasBackend.IN_PLACE_PROPERTY);
            Boolean inPlaceSetting = BlasBackend.inPlaceSetting(inPlaceValue);
            MKL = choice.mkl();
            AVAILABLE = ok;
            FAILURE = choice.failure() != null || inPlaceSetting != null ? choice.failure()
                    : BlasBackend.inPlaceFailure(inPlaceValue);
            boolean lookUp = ok && Boolean.TRUE.equals(inPlaceSetting);
            SGEMM = lookUp ? HeapGemm.address(library, "cblas_sgemm") : 0;
            DGEMM = lookUp ? HeapGemm.address(library, "cblas_dgemm") : 0;
        }

        /** Addresses of the chosen library's CBLAS products for {@link HeapGemm}; 0 when it is unavailable. */
        static final long SGEMM;
        static final long DGEMM;

        /**
         * Whether products within {@link HeapGemm#MAX_MACS} run on the arrays in place (when {@link HeapGemm} is
         * available); tests turn it off to check the copying path.
         */
        static boolean inPlace = true;

        private static final ThreadLocal<GemmScratch> SCRATCH = ThreadLocal.withInitial(GemmScratch::new);

        /** c = op(a)·op(b), or c += op(a)·op(b) when {@code add} (BLAS's beta = 1, with c copied in). */
        static void gemm(boolean transA, boolean transB, int m, int n, int k,
                         double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, boolean add) {
            int lda = transA ? m : k;
            int ldb = transB ? k : n;
            double beta = add ? 1.0 : 0.0;
            if (DGEMM != 0 && inPlace && c != a && c != b && (long) m * n * k <= HeapGemm.MAX_MACS) {
                HeapGemm.dgemm(DGEMM, trans(transA), trans(transB), m, n, k, a, aOff, lda, b, bOff, ldb, beta, c,
                        cOff, n);
                return;
            }
            GemmScratch s = SCRATCH.get();
            int lenC = m * n;
            s.a.doubles(m * k).put(0, a, aOff, m * k);
            s.b.doubles(k * n).put(0, b, bOff, k * n);
            DoubleBuffer cv = s.c.doubles(lenC);
            if (add) {
                cv.put(0, c, cOff, lenC);
            }
            if (MKL) {
                Mkl.dgemm(trans(transA), trans(transB), m, n, k, s.a.d, lda, s.b.d, ldb, beta, s.c.d, n);
            } else {
                openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, trans(transA), trans(transB), m, n,
                        k, 1.0, s.a.d, lda, s.b.d, ldb, beta, s.c.d, n);
            }
            s.c.dv.get(0, c, cOff, lenC);
            s.trim();
        }

        /** The float32 twin of the method above. */
        static void gemm(boolean transA, boolean transB, int m, int n, int k,
                         float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean add) {
            int lda = transA ? m : k;
            int ldb = transB ? k : n;
            float beta = add ? 1f : 0f;
            if (SGEMM != 0 && inPlace && c != a && c != b && (long) m * n * k <= HeapGemm.MAX_MACS) {
                HeapGemm.sgemm(SGEMM, trans(transA), trans(transB), m, n, k, a, aOff, lda, b, bOff, ldb, beta, c,
                        cOff, n);
                return;
            }
            GemmScratch s = SCRATCH.get();
            int lenC = m * n;
            s.a.floats(m * k).put(0, a, aOff, m * k);
            s.b.floats(k * n).put(0, b, bOff, k * n);
            FloatBuffer cv = s.c.floats(lenC);
            if (add) {
                cv.put(0, c, cOff, lenC);
            }
            if (MKL) {
                Mkl.sgemm(trans(transA), trans(transB), m, n, k, s.a.f, lda, s.b.f, ldb, beta, s.c.f, n);
            } else {
                openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, trans(transA), trans(transB), m, n,
                        k, 1f, s.a.f, lda, s.b.f, ldb, beta, s.c.f, n);
            }
            s.c.fv.get(0, c, cOff, lenC);
            s.trim();
        }

        /** JavaCPP's name for this platform (e.g. {@code macosx-arm64}); never throws. */
        private static String platform() {
            try {
                return Loader.getPlatform();
            } catch (RuntimeException | LinkageError e) {
                return System.getProperty("os.name") + "-" + System.getProperty("os.arch");
            }
        }

        /** CBLAS's transpose codes, which MKL shares with OpenBLAS (111, 112). */
        private static int trans(boolean t) {
            return t ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        }
    }
}
