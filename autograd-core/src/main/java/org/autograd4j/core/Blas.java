package org.autograd4j.core;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The matrix-product kernel of the engine, on the engine's storage ({@code double[]}, row-major, contiguous).
 *
 * <p>Why two paths: a native call costs a JNI crossing, a copy into off-heap memory and OpenBLAS's own setup, a
 * few microseconds in all, against tens of nanoseconds for a tiny product in plain Java (measured by
 * {@code BlasMeasure}). So products up to {@link #JAVA_MAX_MACS} multiply-adds run as Java loops, ordered per
 * transpose case so the innermost loop walks memory contiguously; larger ones go to OpenBLAS's
 * {@code cblas_sgemm}/{@code cblas_dgemm} (the same {@code libopenblas} ND4J loads), on per-thread off-heap scratch
 * buffers that grow as needed and are reused, so a call allocates nothing.
 *
 * <p>Float32 note: the Java path multiplies and adds float32 operands in double and rounds each output once to
 * float — never less accurate than sgemm, and float32-representable like it. The native path runs sgemm.
 */
final class Blas {

    /**
     * Largest m·n·k still done in Java. At the crossing point both paths take about the same time; see
     * {@code BlasMeasure} for the numbers it was picked from.
     */
    static final long JAVA_MAX_MACS = 64L * 64 * 64;

    private Blas() {
    }

    /**
     * c[m×n] = op(a) · op(b), row-major, contiguous; a holds [m×k] ([k×m] if transA) from aOff, b holds [k×n]
     * ([n×k] if transB) from bOff; c is overwritten from cOff.
     * f32: the operands hold float32-representable values and the product must be computed in float32 (sgemm);
     * otherwise float64 (dgemm).
     *
     * @throws IllegalArgumentException for negative sizes or offsets, or arrays too short for the sizes
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, boolean f32) {
        check(m, n, k, a, aOff, b, bOff, c, cOff);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c, cOff, cOff + m * n, 0.0);
        } else if ((long) m * n * k <= JAVA_MAX_MACS || !Native.AVAILABLE) {
            javaGemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, f32);
        } else {
            Native.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, f32);
        }
    }

    /**
     * {@link #gemm} always through OpenBLAS, whatever the size (for tests and measurements; zero sizes stay in
     * Java, where OpenBLAS would reject a leading dimension of 0).
     *
     * @throws IllegalStateException when OpenBLAS could not be loaded
     */
    static void nativeGemm(boolean transA, boolean transB, int m, int n, int k,
                           double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, boolean f32) {
        check(m, n, k, a, aOff, b, bOff, c, cOff);
        if (!Native.AVAILABLE) {
            throw new IllegalStateException("gemm: OpenBLAS could not be loaded");
        }
        if (m == 0 || n == 0 || k == 0) {
            gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, f32);
        } else {
            Native.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, f32);
        }
    }

    /** Whether large products run in OpenBLAS (false only when its natives failed to load). */
    static boolean nativeAvailable() {
        return Native.AVAILABLE;
    }

    private static void check(int m, int n, int k, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: sizes must be >= 0, got m=" + m + ", n=" + n + ", k=" + k);
        }
        checkRange("a", a, aOff, (long) m * k);
        checkRange("b", b, bOff, (long) k * n);
        checkRange("c", c, cOff, (long) m * n);
    }

    private static void checkRange(String name, double[] x, int off, long len) {
        if (x == null) {
            throw new IllegalArgumentException("gemm: " + name + " is null");
        }
        if (off < 0 || off + len > x.length) {
            throw new IllegalArgumentException("gemm: " + name + " needs " + len + " elements from offset " + off
                    + " but has length " + x.length);
        }
    }

    /** The plain-Java product; one loop order per case, each with a contiguous innermost loop. */
    static void javaGemm(boolean transA, boolean transB, int m, int n, int k,
                         double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, boolean f32) {
        int strideA = transA ? 1 : k;  // step between rows of op(a)
        int stepA = transA ? m : 1;    // step along a row of op(a)
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            int ai = aOff + i * strideA;
            if (!transB) {
                // c[i,:] = sum over p of a[i,p] * b[p,:]: an axpy over a contiguous row of b per p.
                double aip = a[ai];
                for (int j = 0; j < n; j++) {
                    c[ci + j] = aip * b[bOff + j];
                }
                for (int p = 1; p < k; p++) {
                    aip = a[ai + p * stepA];
                    int bp = bOff + p * n;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += aip * b[bp + j];
                    }
                }
            } else {
                // b is [n×k]: c[i,j] is a dot product of row i of op(a) with row j of b.
                for (int j = 0; j < n; j++) {
                    c[ci + j] = dot(a, ai, stepA, b, bOff + j * k, k);
                }
            }
            if (f32) {
                for (int j = 0; j < n; j++) {
                    c[ci + j] = (float) c[ci + j];
                }
            }
        }
    }

    /** x[xo + p·xs] · y[yo + p] over p &lt; len, with four partial sums to hide the add latency. */
    private static double dot(double[] x, int xo, int xs, double[] y, int yo, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int p = 0;
        for (; p + 3 < len; p += 4) {
            int xp = xo + p * xs;
            s0 += x[xp] * y[yo + p];
            s1 += x[xp + xs] * y[yo + p + 1];
            s2 += x[xp + 2 * xs] * y[yo + p + 2];
            s3 += x[xp + 3 * xs] * y[yo + p + 3];
        }
        for (; p < len; p++) {
            s0 += x[xo + p * xs] * y[yo + p];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The OpenBLAS path. A holder class, so that the natives load (after {@link OpenBlasSetup#ensure()}, which must
     * come first) on the first large product, not when {@code Blas} is first used.
     */
    private static final class Native {
        static final boolean AVAILABLE;

        static {
            OpenBlasSetup.ensure();
            boolean ok;
            try {
                Loader.load(openblas_nolapack.class);
                ok = true;
            } catch (RuntimeException | LinkageError e) {
                ok = false;
            }
            AVAILABLE = ok;
        }

        private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

        static void gemm(boolean transA, boolean transB, int m, int n, int k,
                         double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, boolean f32) {
            Scratch s = SCRATCH.get();
            int lenA = m * k;
            int lenB = k * n;
            int lenC = m * n;
            int ta = transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
            int tb = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
            int lda = transA ? m : k;
            int ldb = transB ? k : n;
            if (f32) {
                s.a.putFloats(a, aOff, lenA);
                s.b.putFloats(b, bOff, lenB);
                s.c.floats(lenC);
                openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, ta, tb, m, n, k,
                        1f, s.a.f, lda, s.b.f, ldb, 0f, s.c.f, n);
                s.c.getFloats(c, cOff, lenC);
            } else {
                s.a.doubles(lenA).put(0, a, aOff, lenA);
                s.b.doubles(lenB).put(0, b, bOff, lenB);
                s.c.doubles(lenC);
                openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, ta, tb, m, n, k,
                        1.0, s.a.d, lda, s.b.d, ldb, 0.0, s.c.d, n);
                s.c.dv.get(0, c, cOff, lenC);
            }
            s.trim();
        }
    }

    /** One thread's scratch: a slot per operand. */
    private static final class Scratch {
        final Slot a = new Slot();
        final Slot b = new Slot();
        final Slot c = new Slot();

        /** Keeps up to 64 MiB per slot for reuse; a rare larger product frees its buffers right away. */
        void trim() {
            a.trim(1L << 26);
            b.trim(1L << 26);
            c.trim(1L << 26);
        }
    }

    /** Growable off-heap memory for one operand, as float32 and/or float64, with direct-buffer views. */
    private static final class Slot {
        FloatPointer f;
        FloatBuffer fv;
        DoublePointer d;
        DoubleBuffer dv;

        FloatBuffer floats(int len) {
            if (f == null || fv.capacity() < len) {
                if (f != null) {
                    f.close();
                }
                f = new FloatPointer(Math.max(len, fv == null ? 0 : fv.capacity() + fv.capacity() / 2));
                fv = f.asBuffer();
            }
            return fv;
        }

        DoubleBuffer doubles(int len) {
            if (d == null || dv.capacity() < len) {
                if (d != null) {
                    d.close();
                }
                d = new DoublePointer(Math.max(len, dv == null ? 0 : dv.capacity() + dv.capacity() / 2));
                dv = d.asBuffer();
            }
            return dv;
        }

        /** Copies x[off, off+len) in, rounding to float32 on the way (exact: the values are float32 already). */
        void putFloats(double[] x, int off, int len) {
            FloatBuffer v = floats(len);
            for (int i = 0; i < len; i++) {
                v.put(i, (float) x[off + i]);
            }
        }

        void getFloats(double[] x, int off, int len) {
            FloatBuffer v = fv;
            for (int i = 0; i < len; i++) {
                x[off + i] = v.get(i);
            }
        }

        void trim(long maxBytes) {
            if (f != null && 4L * fv.capacity() > maxBytes) {
                f.close();
                f = null;
                fv = null;
            }
            if (d != null && 8L * dv.capacity() > maxBytes) {
                d.close();
                d = null;
                dv = null;
            }
        }
    }
}
