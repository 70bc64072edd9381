package org.autograd4j.core.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Blas#gemm} against a naive triple loop, for every transpose case, both dtypes, offsets, zero sizes and
 * sizes on both sides of {@link Blas#JAVA_MAX_MACS} and {@link Blas#JAVA_MAX_MACS_F32}; the Java and the native path
 * are also checked on their own.
 * Tolerance: float64 within 1e-12 of Σ|a·b| (the error scale of any summation order), float32 within k·2⁻²³ of it
 * (the bound for float accumulation) — and float32 results must be float32 values.
 */
class BlasTest {

    /** Which implementation a check runs: NATIVE on the arrays in place where it can, COPYING through scratch. */
    private enum Path { DISPATCH, JAVA, NATIVE, COPYING }

    private static final int PAD = 3;
    private static final double SENTINEL = -12345.5;

    @Test
    void everyCaseMatchesNaiveOnBothSidesOfTheThreshold() {
        int[][] shapes = {{1, 1, 1}, {2, 3, 4}, {3, 1, 5}, {1, 7, 1}, {5, 4, 3}, {8, 8, 8}, {100, 8, 2}, {9, 13, 7},
            {32, 64, 30}, {64, 30, 32}, {33, 65, 31}, {70, 50, 60}};
        for (int[] s : shapes) {
            for (int flags = 0; flags < 8; flags++) {
                for (Path path : Path.values()) {
                    check(path, (flags & 1) != 0, (flags & 2) != 0, s[0], s[1], s[2], (flags & 4) != 0, PAD);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void mlpSizesMatchNaive(boolean f32) {
        check(Path.DISPATCH, false, false, 128, 256, 784, f32, 0);  // forward X·W
        check(Path.DISPATCH, true, false, 784, 256, 128, f32, 0);   // dW = Xᵀ·dY
        check(Path.DISPATCH, false, true, 128, 784, 256, f32, 0);   // dX = dY·Wᵀ
        check(Path.DISPATCH, true, true, 64, 48, 96, f32, 1);
    }

    @Test
    void randomShapesOffsetsAndCasesMatchNaive() {
        qt().withFixedSeed(20261126L).withExamples(400)
                .forAll(integers().between(0, 40), integers().between(0, 40), integers().between(0, 40),
                        integers().between(0, 63))
                .checkAssert((m, n, k, bits) -> check(Path.values()[bits % 4], (bits & 4) != 0, (bits & 8) != 0,
                        m, n, k, (bits & 16) != 0, (bits & 32) != 0 ? PAD : 0));
    }

    @Test
    void zeroSizesWriteOnlyTheirRange() {
        for (boolean f32 : new boolean[] {false, true}) {
            for (Path path : Path.values()) {
                check(path, false, false, 0, 5, 3, f32, PAD);   // empty c: nothing written
                check(path, true, true, 4, 0, 3, f32, PAD);
                check(path, false, true, 4, 5, 0, f32, PAD);    // k = 0: c becomes zeros
                check(path, true, false, 0, 0, 0, f32, PAD);
            }
        }
        double[] c = {7, 7, 7};
        Blas.gemm(false, false, 1, 1, 0, new double[0], 0, new double[0], 0, c, 1);
        assertEquals(List.of(7.0, 0.0, 7.0), List.of(c[0], c[1], c[2]));
    }

    /**
     * {@code gemmAdd} adds the product to what c holds, on both sides of the threshold (so through BLAS's beta = 1
     * and through Java), for both dtypes, every transpose case and an offset, and writes nothing outside its range;
     * natively both on the arrays in place and through the scratch copies.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void gemmAddAddsTheProductToWhatCHolds(boolean inPlace) {
        if (inPlace) {
            gemmAddCases();
        } else {
            copying(BlasTest::gemmAddCases);
        }
    }

    private static void gemmAddCases() {
        Random rng = new Random(5);
        int[][] sizes = {{2, 3, 4}, {3, 4, 12}, {40, 30, 20}, {7, 129, 65}};
        for (int[] s : sizes) {
            for (int cas = 0; cas < 8; cas++) {
                boolean ta = (cas & 1) != 0;
                boolean tb = (cas & 2) != 0;
                boolean f32 = (cas & 4) != 0;
                int m = s[0];
                int n = s[1];
                int k = s[2];
                int pad = 2;
                double[] a = operand(rng, pad + m * k, f32);
                double[] b = operand(rng, pad + k * n, f32);
                double[] c0 = operand(rng, pad + m * n + pad, f32);
                double[] c = c0.clone();
                if (f32) {
                    float[] c32 = Floats.narrow(c);
                    Blas.gemmAdd(ta, tb, m, n, k, Floats.narrow(a), pad, Floats.narrow(b), pad, c32, pad);
                    c = Floats.widen(c32);
                } else {
                    Blas.gemmAdd(ta, tb, m, n, k, a, pad, b, pad, c, pad);
                }
                String what = String.format("gemmAdd ta=%b tb=%b m=%d n=%d k=%d f32=%b native=%b", ta, tb, m, n, k,
                        f32, Blas.runsNatively(m, n, k, f32));
                for (int i = 0; i < c.length; i++) {
                    if (i < pad || i >= pad + m * n) {
                        assertEquals(c0[i], c[i], what + ": wrote outside c at " + i);
                        continue;
                    }
                    int row = (i - pad) / n;
                    int col = (i - pad) % n;
                    double sum = c0[i];
                    double scale = Math.abs(c0[i]);
                    for (int p = 0; p < k; p++) {
                        double x = ta ? a[pad + p * m + row] : a[pad + row * k + p];
                        double y = tb ? b[pad + col * k + p] : b[pad + p * n + col];
                        sum += x * y;
                        scale += Math.abs(x * y);
                    }
                    double tol = f32 ? (k + 2) * 0x1p-23 * scale : 1e-12 * scale;
                    assertEquals(sum, c[i], tol, what + ": c[" + row + "," + col + "]");
                }
            }
        }
    }

    @Test
    void scratchGrowsAndShrinksBetweenCalls() {
        assumeTrue(BlasHooks.nativeAvailable(), "OpenBLAS not loadable here");
        int[][] shapes = {{2, 2, 2}, {90, 70, 80}, {3, 4, 5}, {120, 10, 200}, {1, 1, 1}};
        for (int[] s : shapes) {
            check(Path.NATIVE, false, true, s[0], s[1], s[2], true, 1);
            check(Path.NATIVE, true, false, s[0], s[1], s[2], false, 1);
        }
    }

    @Test
    void operandLargerThanTheRetainedScratchIsFreedAndStillRight() {
        int k = (1 << 23) + 16;  // 64 MiB + 128 bytes as float64: over the per-slot limit kept between calls
        double[] a = new double[k];
        double[] b = new double[k];
        double expected = 0;
        for (int p = 0; p < k; p++) {
            a[p] = (p % 7) - 3;
            b[p] = (p % 5) * 0.5;
            expected += a[p] * b[p];
        }
        double[] c = new double[1];
        Blas.gemm(false, false, 1, 1, k, a, 0, b, 0, c, 0);
        assertEquals(expected, c[0]);  // exact: every partial sum is a multiple of 0.5 below 2^53
        check(Path.NATIVE, false, false, 40, 40, 40, false, 0);
    }

    @Test
    void threadsUseTheirOwnScratch() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int size = 30 + 7 * t;
                boolean f32 = t % 2 == 0;
                done.add(pool.submit(() -> {
                    for (int r = 0; r < 20; r++) {
                        check(Path.DISPATCH, r % 2 == 0, r % 3 == 0, size, size + 1, size + 2, f32, 1);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badArgumentsNameTheOpAndTheValues() {
        double[] x = new double[6];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Blas.gemm(false, false, -1, 2, 3, x, 0, x, 0, x, 0));
        assertEquals("gemm: sizes must be >= 0, got m=-1, n=2, k=3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Blas.gemm(false, false, 2, 3, 2, x, 3, x, 0, x, 0));
        assertEquals("gemm: a needs 4 elements from offset 3 but has length 6", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Blas.gemm(true, true, 2, 2, 2, new float[6], 0, new float[3], 0, new float[6], 0));
        assertEquals("gemm: b needs 4 elements from offset 0 but has length 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Blas.gemm(false, false, 2, 2, 2, x, 0, x, 0, x, -1));
        assertEquals("gemm: c needs 4 elements from offset -1 but has length 6", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Blas.gemm(false, false, 1, 1, 1, null, 0, x, 0, x, 0));
        assertEquals("gemm: a is null", e.getMessage());
        // m·n overflows int (to 0): the check must be done in long, before any native code sees the sizes
        e = assertThrows(IllegalArgumentException.class,
                () -> BlasHooks.nativeGemm(false, false, 65536, 65536, 0, new float[6], 0, new float[6], 0,
                        new float[6], 0));
        assertEquals("gemm: c needs 4294967296 elements from offset 0 but has length 6", e.getMessage());
    }

    /** Runs one product on the given path with operands at an offset, and checks it and the untouched padding. */
    private static void check(Path path, boolean ta, boolean tb, int m, int n, int k, boolean f32, int pad) {
        Random rng = new Random(31L * m + 17L * n + k + (ta ? 1 : 0) + (tb ? 2 : 0) + (f32 ? 4 : 0));
        double[] a = operand(rng, pad + m * k, f32);
        double[] b = operand(rng, pad + k * n, f32);
        double[] c = new double[pad + m * n + pad];
        java.util.Arrays.fill(c, SENTINEL);
        if ((path == Path.NATIVE || path == Path.COPYING) && !BlasHooks.nativeAvailable()) {
            // no natives (forced to Java, or none for this platform): only the Java paths can be checked; an
            // assumption would fail the property runs instead of skipping them
            return;
        }
        if (f32) {
            float[] c32 = Floats.narrow(c);
            gemm(path, ta, tb, m, n, k, Floats.narrow(a), pad, Floats.narrow(b), pad, c32, pad);
            for (int i = 0; i < c.length; i++) {
                c[i] = c32[i];
            }
        } else {
            gemm(path, ta, tb, m, n, k, a, pad, b, pad, c, pad);
        }
        String what = String.format("%s ta=%b tb=%b m=%d n=%d k=%d f32=%b", path, ta, tb, m, n, k, f32);
        for (int i = 0; i < c.length; i++) {
            if (i < pad || i >= pad + m * n) {
                assertEquals(SENTINEL, c[i], what + ": wrote outside c at " + i);
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double scale = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[pad + p * m + i] : a[pad + i * k + p];
                    double y = tb ? b[pad + j * k + p] : b[pad + p * n + j];
                    sum += x * y;
                    scale += Math.abs(x * y);
                }
                double got = c[pad + i * n + j];
                double tol = f32 ? (k + 1) * 0x1p-23 * scale : 1e-12 * scale;
                if (!(Math.abs(got - sum) <= tol)) {
                    fail(what + ": c[" + i + "," + j + "] = " + got + ", expected " + sum + " ± " + tol);
                }
                if (f32 && (float) got != got) {
                    fail(what + ": c[" + i + "," + j + "] = " + got + " is not a float32 value");
                }
            }
        }
    }

    private static void gemm(Path path, boolean ta, boolean tb, int m, int n, int k, double[] a, int aOff,
            double[] b, int bOff, double[] c, int cOff) {
        switch (path) {
            case DISPATCH -> Blas.gemm(ta, tb, m, n, k, a, aOff, b, bOff, c, cOff);
            case JAVA -> JavaGemm.gemm(ta, tb, m, n, k, a, aOff, b, bOff, c, cOff);
            case NATIVE -> BlasHooks.nativeGemm(ta, tb, m, n, k, a, aOff, b, bOff, c, cOff);
            case COPYING -> copying(() -> BlasHooks.nativeGemm(ta, tb, m, n, k, a, aOff, b, bOff, c, cOff));
        }
    }

    private static void gemm(Path path, boolean ta, boolean tb, int m, int n, int k, float[] a, int aOff,
            float[] b, int bOff, float[] c, int cOff) {
        switch (path) {
            case DISPATCH -> Blas.gemm(ta, tb, m, n, k, a, aOff, b, bOff, c, cOff);
            case JAVA -> JavaGemm.gemm(ta, tb, m, n, k, a, aOff, b, bOff, c, cOff);
            case NATIVE -> BlasHooks.nativeGemm(ta, tb, m, n, k, a, aOff, b, bOff, c, cOff);
            case COPYING -> copying(() -> BlasHooks.nativeGemm(ta, tb, m, n, k, a, aOff, b, bOff, c, cOff));
        }
    }

    /** Runs a native product through the scratch copies instead of on the arrays in place. */
    private static void copying(Runnable product) {
        boolean was = BlasHooks.inPlace(false);
        try {
            product.run();
        } finally {
            BlasHooks.inPlace(was);
        }
    }

    private static double[] operand(Random rng, int len, boolean f32) {
        double[] x = new double[len];
        for (int i = 0; i < len; i++) {
            double v = rng.nextGaussian();
            x[i] = f32 ? (float) v : v;
        }
        return x;
    }
}
