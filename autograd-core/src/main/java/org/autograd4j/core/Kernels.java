package org.autograd4j.core;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The loops behind the elementwise ops, on plain Java arrays: for tensors of a few dozen elements a loop costs
 * nanoseconds where a native call costs microseconds (README, "Storage"). Broadcasting is resolved with strides, so no
 * operand is ever materialised at the broadcast shape.
 */
final class Kernels {
    private Kernels() {
    }

    static double[] map(double[] x, DoubleUnaryOperator f) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = f.applyAsDouble(x[i]);
        }
        return out;
    }

    /** The four arithmetic ops get loops of their own: a shared lambda would be a megamorphic call per element. */
    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;

    private static final DoubleBinaryOperator[] ARITHMETIC = {
        Double::sum, (a, b) -> a - b, (a, b) -> a * b, (a, b) -> a / b};

    /**
     * One of {@link #ADD}, {@link #SUB}, {@link #MUL}, {@link #DIV} elementwise at the broadcast shape {@code shape},
     * with direct loops for the layouts that dominate real networks: equal shapes, a scalar operand, and a bias-like
     * operand repeated over leading rows.
     */
    static double[] arithmetic(Tensor x, Tensor y, int[] shape, int op) {
        double[] a = x.data;
        double[] b = y.data;
        int n = Shapes.size(shape);
        double[] out = new double[n];
        if (a.length == n && b.length == n) {
            switch (op) {
                case ADD -> { for (int i = 0; i < n; i++) { out[i] = a[i] + b[i]; } }
                case SUB -> { for (int i = 0; i < n; i++) { out[i] = a[i] - b[i]; } }
                case MUL -> { for (int i = 0; i < n; i++) { out[i] = a[i] * b[i]; } }
                default -> { for (int i = 0; i < n; i++) { out[i] = a[i] / b[i]; } }
            }
        } else if (b.length == 1 && a.length == n) {
            double c = b[0];
            switch (op) {
                case ADD -> { for (int i = 0; i < n; i++) { out[i] = a[i] + c; } }
                case SUB -> { for (int i = 0; i < n; i++) { out[i] = a[i] - c; } }
                case MUL -> { for (int i = 0; i < n; i++) { out[i] = a[i] * c; } }
                default -> { for (int i = 0; i < n; i++) { out[i] = a[i] / c; } }
            }
        } else if (a.length == n && n > 0 && isTrailingRow(y.shape, shape)) {
            int m = b.length;
            for (int r = 0; r < n; r += m) {
                switch (op) {
                    case ADD -> { for (int j = 0; j < m; j++) { out[r + j] = a[r + j] + b[j]; } }
                    case SUB -> { for (int j = 0; j < m; j++) { out[r + j] = a[r + j] - b[j]; } }
                    case MUL -> { for (int j = 0; j < m; j++) { out[r + j] = a[r + j] * b[j]; } }
                    default -> { for (int j = 0; j < m; j++) { out[r + j] = a[r + j] / b[j]; } }
                }
            }
        } else {
            return zip(x, y, shape, ARITHMETIC[op]);
        }
        return out;
    }

    /** Whether an operand of shape {@code s} is the trailing part of {@code shape} (leading axes absent or 1). */
    private static boolean isTrailingRow(int[] s, int[] shape) {
        int lead = shape.length - s.length;
        int i = 0;
        while (i < s.length && s[i] == 1) {
            i++;
        }
        for (int j = i; j < s.length; j++) {
            if (s[j] != shape[lead + j]) {
                return false;
            }
        }
        return s.length > 0;
    }

    /** {@code f(x, y)} elementwise at the broadcast shape {@code shape}. */
    static double[] zip(Tensor x, Tensor y, int[] shape, DoubleBinaryOperator f) {
        double[] a = x.data;
        double[] b = y.data;
        int n = Shapes.size(shape);
        double[] out = new double[n];
        if (a.length == n && b.length == n) {
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(a[i], b[i]);
            }
        } else if (b.length == 1 && a.length == n) {
            double c = b[0];
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(a[i], c);
            }
        } else if (a.length == 1 && b.length == n) {
            double c = a[0];
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(c, b[i]);
            }
        } else if (n > 0) {
            zipStrided(a, Broadcasting.strides(x.shape, shape), b, Broadcasting.strides(y.shape, shape), shape, out, f);
        }
        return out;
    }

    /** The general case: an odometer over all axes but the last, and a strided loop along the last. */
    private static void zipStrided(double[] a, int[] sa, double[] b, int[] sb, int[] shape, double[] out,
            DoubleBinaryOperator f) {
        int rank = shape.length;
        int last = rank - 1;
        int len = shape[last];
        int la = sa[last];
        int lb = sb[last];
        int[] idx = new int[rank];
        int ia = 0;
        int ib = 0;
        for (int o = 0; o < out.length; o += len) {
            for (int j = 0, pa = ia, pb = ib; j < len; j++, pa += la, pb += lb) {
                out[o + j] = f.applyAsDouble(a[pa], b[pb]);
            }
            for (int d = last - 1; d >= 0; d--) {
                ia += sa[d];
                ib += sb[d];
                if (++idx[d] < shape[d]) {
                    break;
                }
                ia -= sa[d] * shape[d];
                ib -= sb[d] * shape[d];
                idx[d] = 0;
            }
        }
    }

    /**
     * Copies {@code x} into a new array laid out as the broadcast shape {@code shape}.
     */
    static double[] expand(Tensor x, int[] shape) {
        int n = Shapes.size(shape);
        double[] out = new double[n];
        if (x.data.length == n) {
            System.arraycopy(x.data, 0, out, 0, n);
        } else if (x.data.length == 1) {
            java.util.Arrays.fill(out, x.data[0]);
        } else if (n > 0) {
            gather(x.data, Broadcasting.strides(x.shape, shape), shape, out);
        }
        return out;
    }

    /**
     * Fills {@code out} (contiguous, of shape {@code shape}) by reading {@code src} with the given strides: one loop
     * serves broadcasting (stride 0) and axis permutations (permuted strides).
     */
    static void gather(double[] src, int[] strides, int[] shape, double[] out) {
        int rank = shape.length;
        int[] idx = new int[rank];
        int p = 0;
        for (int o = 0; o < out.length; o++) {
            out[o] = src[p];
            for (int d = rank - 1; d >= 0; d--) {
                p += strides[d];
                if (++idx[d] < shape[d]) {
                    break;
                }
                p -= strides[d] * shape[d];
                idx[d] = 0;
            }
        }
    }

    private static final ThreadLocal<float[][]> ROUNDING_SCRATCH = ThreadLocal.withInitial(() -> new float[1][]);

    /**
     * Rounds every value to the nearest float: how FLOAT32 results are stored (see {@link DType}). Note "rounding
     * loops": a single loop doing {@code a[i] = (float) a[i]} runs about 2 ns per element here (not vectorised, and a
     * dependency through the conversion registers), while a narrowing loop into a float buffer followed by a widening
     * loop back vectorise and take under 1 ns; the buffer is per thread and reused.
     */
    static void roundToFloat(double[] a) {
        int n = a.length;
        if (n < 32) {
            for (int i = 0; i < n; i++) {
                a[i] = (float) a[i];
            }
            return;
        }
        float[][] holder = ROUNDING_SCRATCH.get();
        float[] t = holder[0];
        if (t == null || t.length < n) {
            t = new float[Math.max(n, 1024)];
            if (n <= (1 << 20)) {
                holder[0] = t;
            }
        }
        for (int i = 0; i < n; i++) {
            t[i] = (float) a[i];
        }
        for (int i = 0; i < n; i++) {
            a[i] = t[i];
        }
    }
}
