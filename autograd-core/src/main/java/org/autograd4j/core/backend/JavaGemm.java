package org.autograd4j.core.backend;

/**
 * The plain-Java matrix products behind {@link Blas} for the small sizes where a native call would cost more than the
 * arithmetic (see {@link Blas#JAVA_MAX_MACS}): one register-blocked kernel, in a float64 and a float32 version
 * (Java has no generics over primitive arrays, so the two are written out). Unchecked: {@link Blas} checks first.
 */
final class JavaGemm {
    private JavaGemm() {
    }

    /**
     * c[m×n] = op(a) · op(b) in float64, with {@link Blas#gemm}'s layout. Register-blocked: each step of the innermost
     * loop (over p) updates a 2×4 block of c held in local variables, so every loaded element serves several
     * multiply-adds and no partial sum goes through memory; an odd last row is computed as a pair with itself and
     * stored once. The four transpose cases differ only in the strides of op(a) and op(b). Why not the textbook i-p-j
     * loop that HotSpot vectorizes: at these sizes its inner loop runs a handful of iterations, and the vector loop's
     * set-up costs more than the arithmetic (measured 2-3× slower from 4³ to 64³).
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        int ai = transA ? 1 : k;  // op(a)[i,p] = a[aOff + i*ai + p*ap]
        int ap = transA ? m : 1;
        int bp = transB ? 1 : n;  // op(b)[p,j] = b[bOff + p*bp + j*bj]
        int bj = transB ? k : 1;
        for (int i = 0; i < m; i += 2) {
            boolean pair = i + 1 < m;
            int a0 = aOff + i * ai;
            int a1 = pair ? a0 + ai : a0;
            int c0 = cOff + i * n;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                int b0 = bOff + j * bj;
                for (int p = 0; p < k; p++) {
                    double x0 = a[a0 + p * ap];
                    double x1 = a[a1 + p * ap];
                    int bq = b0 + p * bp;
                    double y0 = b[bq];
                    double y1 = b[bq + bj];
                    double y2 = b[bq + 2 * bj];
                    double y3 = b[bq + 3 * bj];
                    s00 += x0 * y0;
                    s01 += x0 * y1;
                    s02 += x0 * y2;
                    s03 += x0 * y3;
                    s10 += x1 * y0;
                    s11 += x1 * y1;
                    s12 += x1 * y2;
                    s13 += x1 * y3;
                }
                store4(c, c0 + j, s00, s01, s02, s03);
                if (pair) {
                    store4(c, c0 + n + j, s10, s11, s12, s13);
                }
            }
            for (; j < n; j++) {
                double s0 = 0, s1 = 0;
                int b0 = bOff + j * bj;
                for (int p = 0; p < k; p++) {
                    double y = b[b0 + p * bp];
                    s0 += a[a0 + p * ap] * y;
                    s1 += a[a1 + p * ap] * y;
                }
                c[c0 + j] = s0;
                if (pair) {
                    c[c0 + n + j] = s1;
                }
            }
        }
    }

    private static void store4(double[] c, int at, double s0, double s1, double s2, double s3) {
        c[at] = s0;
        c[at + 1] = s1;
        c[at + 2] = s2;
        c[at + 3] = s3;
    }

    /**
     * The float32 twin of the loops above, in float arithmetic as sgemm computes (see "conversion loops" on
     * {@code Kernels.narrow}: summing floats in double ran 1.5–2× slower than this).
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        int ai = transA ? 1 : k;  // op(a)[i,p] = a[aOff + i*ai + p*ap]
        int ap = transA ? m : 1;
        int bp = transB ? 1 : n;  // op(b)[p,j] = b[bOff + p*bp + j*bj]
        int bj = transB ? k : 1;
        for (int i = 0; i < m; i += 2) {
            boolean pair = i + 1 < m;
            int a0 = aOff + i * ai;
            int a1 = pair ? a0 + ai : a0;
            int c0 = cOff + i * n;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                float s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                int b0 = bOff + j * bj;
                for (int p = 0; p < k; p++) {
                    float x0 = a[a0 + p * ap];
                    float x1 = a[a1 + p * ap];
                    int bq = b0 + p * bp;
                    float y0 = b[bq];
                    float y1 = b[bq + bj];
                    float y2 = b[bq + 2 * bj];
                    float y3 = b[bq + 3 * bj];
                    s00 += x0 * y0;
                    s01 += x0 * y1;
                    s02 += x0 * y2;
                    s03 += x0 * y3;
                    s10 += x1 * y0;
                    s11 += x1 * y1;
                    s12 += x1 * y2;
                    s13 += x1 * y3;
                }
                store4(c, c0 + j, s00, s01, s02, s03);
                if (pair) {
                    store4(c, c0 + n + j, s10, s11, s12, s13);
                }
            }
            for (; j < n; j++) {
                float s0 = 0, s1 = 0;
                int b0 = bOff + j * bj;
                for (int p = 0; p < k; p++) {
                    float y = b[b0 + p * bp];
                    s0 += a[a0 + p * ap] * y;
                    s1 += a[a1 + p * ap] * y;
                }
                c[c0 + j] = s0;
                if (pair) {
                    c[c0 + n + j] = s1;
                }
            }
        }
    }

    private static void store4(float[] c, int at, float s0, float s1, float s2, float s3) {
        c[at] = s0;
        c[at + 1] = s1;
        c[at + 2] = s2;
        c[at + 3] = s3;
    }
}
