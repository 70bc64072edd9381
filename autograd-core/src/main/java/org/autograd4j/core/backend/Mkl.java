package org.autograd4j.core.backend;

import org.autograd4j.core.HeapGemm;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.mkl.global.mkl_rt;

/**
 * Intel MKL's {@code cblas_?gemm} for {@link Blas}, through the optional {@code org.bytedeco:mkl} preset (see
 * {@link BlasBackend}). A class of its own, so that nothing touches MKL's classes unless MKL was chosen: without the
 * preset on the classpath only {@link #load()} runs, and it checks for them first.
 */
final class Mkl {
    /** The loaded JNI library, whose dependencies hold MKL's CBLAS (for {@link HeapGemm}); null until loaded. */
    static volatile String path;

    private Mkl() {
    }

    /** Loads MKL's natives; null when it worked, else why not (class or natives missing, or a load error). */
    static String load() {
        try {
            Class.forName("org.bytedeco.mkl.global.mkl_rt", false, Mkl.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return "the org.bytedeco:mkl classes are not on the classpath";
        }
        // Why: this process sets OMP_WAIT_POLICY=PASSIVE (see OpenBlasSetup), which makes MKL's OpenMP threads sleep
        // at once after every product; waking them cost the MNIST example (batch 32, two threads) 24–29 s against
        // 21.5–22.7 s when they wait 1 ms first. libiomp5 reads the setting once, when it loads.
        OpenBlasSetup.setenvIfAbsent("KMP_BLOCKTIME", "1");
        try {
            path = Loader.load(mkl_rt.class);
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "its natives did not load: " + e;
        }
    }

    static void sgemm(int transA, int transB, int m, int n, int k, FloatPointer a, int lda, FloatPointer b,
                      int ldb, float beta, FloatPointer c, int ldc) {
        mkl_rt.cblas_sgemm(mkl_rt.CblasRowMajor, transA, transB, m, n, k, 1f, a, lda, b, ldb, beta, c, ldc);
    }

    static void dgemm(int transA, int transB, int m, int n, int k, DoublePointer a, int lda, DoublePointer b,
                      int ldb, double beta, DoublePointer c, int ldc) {
        mkl_rt.cblas_dgemm(mkl_rt.CblasRowMajor, transA, transB, m, n, k, 1.0, a, lda, b, ldb, beta, c, ldc);
    }

    /** MKL's version line; MKL pads it with spaces and may leave it unterminated, so the buffer starts zeroed. */
    static String version() {
        byte[] buf = new byte[256];
        mkl_rt.MKL_Get_Version_String(buf, buf.length - 1);
        int end = 0;
        while (end < buf.length && buf[end] != 0) {
            end++;
        }
        return new String(buf, 0, end, java.nio.charset.StandardCharsets.US_ASCII).trim();
    }

    static int threads() {
        return mkl_rt.MKL_Get_Max_Threads();
    }

    static void setThreads(int n) {
        mkl_rt.MKL_Set_Num_Threads(n);
    }
}
