package org.autograd4j.core.backend;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.autograd4j.core.HeapGemm;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The native path: OpenBLAS or Intel MKL, chosen once as {@link BlasBackend} describes. A holder class, so that the
 * natives load (after {@link OpenBlasSetup#ensure()}, which must come first) on the first large product, not when
 * {@link Blas} is first used. Was a nested class of {@code Blas}; a file of its own keeps both under 400 lines.
 */
final class NativeGemm {
    private NativeGemm() {
    }

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
     * available). Not final only because the tests turn it off (through {@code BlasHooks.inPlace}) to check the copying
     * path in the same JVM; users choose with {@link BlasBackend#IN_PLACE_PROPERTY}, read once above.
     */
    static volatile boolean inPlace = true;

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
