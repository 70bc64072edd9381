package org.autograd4j.core.backend;

/**
 * The tests' and measurements' ways into {@link Blas}'s native path, which production code never takes directly:
 * a product through the native library whatever its size, whether that library runs, and the in-place switch.
 */
final class BlasHooks {
    private BlasHooks() {
    }

    /** Whether large products run natively; never throws (false also when the backend setting is unusable). */
    static boolean nativeAvailable() {
        return NativeGemm.FAILURE == null && NativeGemm.AVAILABLE;
    }

    /**
     * {@link Blas#gemm} always through the native library, whatever the size (zero sizes stay in Java, where OpenBLAS
     * would reject a leading dimension of 0). Arguments are checked as {@link Blas#gemm} checks them.
     *
     * @throws IllegalStateException when no native BLAS could be loaded
     */
    static void nativeGemm(boolean transA, boolean transB, int m, int n, int k,
                           double[] a, int aOff, double[] b, int bOff, double[] c, int cOff) {
        Blas.check(m, n, k, a, aOff, b, bOff, c, cOff);
        requireNative();
        if (m == 0 || n == 0 || k == 0) {
            Blas.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff);
        } else {
            NativeGemm.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, false);
        }
    }

    /** The float32 twin of the method above. */
    static void nativeGemm(boolean transA, boolean transB, int m, int n, int k,
                           float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
        Blas.check(m, n, k, a, aOff, b, bOff, c, cOff);
        requireNative();
        if (m == 0 || n == 0 || k == 0) {
            Blas.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff);
        } else {
            NativeGemm.gemm(transA, transB, m, n, k, a, aOff, b, bOff, c, cOff, false);
        }
    }

    /**
     * Turns the in-place native path on or off, to test the copying path in this JVM; returns the previous setting.
     */
    static boolean inPlace(boolean on) {
        boolean was = NativeGemm.inPlace;
        NativeGemm.inPlace = on;
        return was;
    }

    private static void requireNative() {
        if (!Blas.nativeUsable()) {
            throw new IllegalStateException("gemm: no native BLAS could be loaded");
        }
    }
}
