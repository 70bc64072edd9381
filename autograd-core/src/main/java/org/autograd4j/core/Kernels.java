package org.autograd4j.core;

import org.autograd4j.core.backend.Parallel;

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

    /** {@code f} of every value, computed in double (the caller rounds FLOAT32 results). */
    static double[] map(Tensor x, DoubleUnaryOperator f) {
        return map(x.values(), f);
    }

    /** The four arithmetic ops get loops of their own: a shared lambda would be a megamorphic call per element. */
    static final int ADD = 0;
    static final int SUB = 1;
    static final int MUL = 2;
    static final int DIV = 3;

    private static final DoubleBinaryOperator[] ARITHMETIC = {
        Double::sum, (a, b) -> a - b, (a, b) -> a * b, (a, b) -> a / b};

    private static final String[] NAMES = {"add", "sub", "mul", "div"};

    /**
     * One of {@link #ADD}, {@link #SUB}, {@link #MUL}, {@link #DIV} elementwise at the broadcast shape {@code shape},
     * with direct loops for the layouts that dominate real networks: equal shapes, a scalar operand, and a bias-like
     * operand repeated over leading rows. Recorded when a step is being captured (see {@link Capture}).
     */
    static Tensor arithmetic(Tensor x, Tensor y, int[] shape, int op) {
        if (x.fdata != null && y.fdata != null) {
            float[] a = x.fdata;
            float[] b = y.fdata;
            int[] xs = x.shape;
            int[] ys = y.shape;
            float[] out = new float[Shapes.size(shape)];
            arithmetic(a, xs, b, ys, shape, op, out);
            Tensor result = new Tensor(out, shape);
            Capture c = Capture.current();
            if (c != null) {
                c.record(NAMES[op], () -> arithmetic(a, xs, b, ys, shape, op, out), result, x, y);
            }
            return result;
        }
        if (DType.result(x, y) == DType.FLOAT32) {
            // a FLOAT64 0-d operand beside a FLOAT32 tensor with dimensions: float arithmetic, as PyTorch
            Capture.refuse(NAMES[op], "with a FLOAT64 0-d operand beside a FLOAT32 tensor (convert it with to())");
            Tensor a = DType.convert(x, DType.FLOAT32);
            Tensor b = DType.convert(y, DType.FLOAT32);
            float[] out = new float[Shapes.size(shape)];
            arithmetic(a.fdata, a.shape, b.fdata, b.shape, shape, op, out);
            return new Tensor(out, shape);
        }
        if (x.data == null || y.data == null) {
            Capture.refuse(NAMES[op], "with FLOAT32 and FLOAT64 operands (convert one with to())");
        }
        double[] a = x.values();
        double[] b = y.values();
        int[] xs = x.shape;
        int[] ys = y.shape;
        double[] out = new double[Shapes.size(shape)];
        arithmetic(a, xs, b, ys, shape, op, out);
        DType type = DType.result(x, y);
        if (type == DType.INT64 && op == DIV) {
            type = DType.FLOAT64;   // true division of integers is floating, as PyTorch's int64 / int64
        } else if (type == DType.INT64) {
            DType.checkWhole(NAMES[op], out);
        }
        Tensor result = new Tensor(out, shape, type);
        Capture c = Capture.current();
        if (c != null && type == DType.INT64) {
            // a replay re-checks what the INT64 result's constructor checked: no silent loss beyond ±2^53
            c.record(NAMES[op], () -> {
                arithmetic(a, xs, b, ys, shape, op, out);
                DType.checkWhole(NAMES[op], out);
            }, result, x, y);
        } else if (c != null) {
            c.record(NAMES[op], () -> arithmetic(a, xs, b, ys, shape, op, out), result, x, y);
        }
        return result;
    }

    /** The kernel of {@link #arithmetic(Tensor, Tensor, int[], int)} in double, into {@code out}. */
    static void arithmetic(double[] a, int[] xShape, double[] b, int[] yShape, int[] shape, int op, double[] out) {
        int n = out.length;
        if (a.length == n && n > 0 && (b.length == n || b.length == 1 || isTrailingRow(yShape, shape))) {
            int m = b.length == n || b.length == 1 ? 1 : b.length;
            if (Parallel.worthSplitting(n)) {
                Parallel.forRange(n / m, m, (from, to) -> rows(a, b, op, out, from * m, to * m));
            } else {
                rows(a, b, op, out, 0, n);
            }
        } else {
            zip(a, xShape, b, yShape, shape, out, ARITHMETIC[op]);
        }
    }

    /**
     * The float32 twin of the loops above. One float operation is exact to the float result, as the double operation
     * rounded once would be, so both storage types compute the same values.
     */
    static void arithmetic(float[] a, int[] xShape, float[] b, int[] yShape, int[] shape, int op, float[] out) {
        int n = out.length;
        if (a.length == n && n > 0 && (b.length == n || b.length == 1 || isTrailingRow(yShape, shape))) {
            int m = b.length == n || b.length == 1 ? 1 : b.length;
            if (Parallel.worthSplitting(n)) {
                Parallel.forRange(n / m, m, (from, to) -> rows(a, b, op, out, from * m, to * m));
            } else {
                rows(a, b, op, out, 0, n);
            }
        } else {
            // the general layouts in double, rounded once (a widening loop, then the double kernel; "conversion loops")
            double[] d = new double[n];
            zip(widen(a), xShape, widen(b), yShape, shape, d, ARITHMETIC[op]);
            for (int i = 0; i < n; i++) {
                out[i] = (float) d[i];
            }
        }
    }

    /**
     * The three direct layouts of the kernel above over the elements {@code [from, to)} (whole rows of {@code b} when
     * it is a trailing row): each output from its own inputs, so split over threads it gives the one-thread result.
     */
    private static void rows(double[] a, double[] b, int op, double[] out, int from, int to) {
        int n = out.length;
        if (b.length == n) {
            switch (op) {
                case ADD -> { for (int i = from; i < to; i++) { out[i] = a[i] + b[i]; } }
                case SUB -> { for (int i = from; i < to; i++) { out[i] = a[i] - b[i]; } }
                case MUL -> { for (int i = from; i < to; i++) { out[i] = a[i] * b[i]; } }
                default -> { for (int i = from; i < to; i++) { out[i] = a[i] / b[i]; } }
            }
        } else if (b.length == 1) {
            double c = b[0];
            switch (op) {
                case ADD -> { for (int i = from; i < to; i++) { out[i] = a[i] + c; } }
                case SUB -> { for (int i = from; i < to; i++) { out[i] = a[i] - c; } }
                case MUL -> { for (int i = from; i < to; i++) { out[i] = a[i] * c; } }
                default -> { for (int i = from; i < to; i++) { out[i] = a[i] / c; } }
            }
        } else {
            int m = b.length;
            for (int r = from; r < to; r += m) {
                switch (op) {
                    case ADD -> { for (int j = 0; j < m; j++) { out[r + j] = a[r + j] + b[j]; } }
                    case SUB -> { for (int j = 0; j < m; j++) { out[r + j] = a[r + j] - b[j]; } }
                    case MUL -> { for (int j = 0; j < m; j++) { out[r + j] = a[r + j] * b[j]; } }
                    default -> { for (int j = 0; j < m; j++) { out[r + j] = a[r + j] / b[j]; } }
                }
            }
        }
    }

    /**
     * The three direct layouts of the kernel above over the elements {@code [from, to)} (whole rows of {@code b} when
     * it is a trailing row): each output from its own inputs, so split over threads it gives the one-thread result.
     */
    private static void rows(float[] a, float[] b, int op, float[] out, int from, int to) {
        int n = out.length;
        if (b.length == n) {
            switch (op) {
                case ADD -> { for (int i = from; i < to; i++) { out[i] = a[i] + b[i]; } }
                case SUB -> { for (int i = from; i < to; i++) { out[i] = a[i] - b[i]; } }
                case MUL -> { for (int i = from; i < to; i++) { out[i] = a[i] * b[i]; } }
                default -> { for (int i = from; i < to; i++) { out[i] = a[i] / b[i]; } }
            }
        } else if (b.length == 1) {
            float c = b[0];
            switch (op) {
                case ADD -> { for (int i = from; i < to; i++) { out[i] = a[i] + c; } }
                case SUB -> { for (int i = from; i < to; i++) { out[i] = a[i] - c; } }
                case MUL -> { for (int i = from; i < to; i++) { out[i] = a[i] * c; } }
                default -> { for (int i = from; i < to; i++) { out[i] = a[i] / c; } }
            }
        } else {
            int m = b.length;
            for (int r = from; r < to; r += m) {
                switch (op) {
                    case ADD -> { for (int j = 0; j < m; j++) { out[r + j] = a[r + j] + b[j]; } }
                    case SUB -> { for (int j = 0; j < m; j++) { out[r + j] = a[r + j] - b[j]; } }
                    case MUL -> { for (int j = 0; j < m; j++) { out[r + j] = a[r + j] * b[j]; } }
                    default -> { for (int j = 0; j < m; j++) { out[r + j] = a[r + j] / b[j]; } }
                }
            }
        }
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
        double[] out = new double[Shapes.size(shape)];
        zip(x.values(), x.shape, y.values(), y.shape, shape, out, f);
        return out;
    }

    /** {@code f(a, b)} elementwise at the broadcast shape {@code shape}, into {@code out}. */
    static void zip(double[] a, int[] xShape, double[] b, int[] yShape, int[] shape, double[] out,
            DoubleBinaryOperator f) {
        int n = out.length;
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
            zipStrided(a, Broadcasting.strides(xShape, shape), b, Broadcasting.strides(yShape, shape), shape, out, f);
        }
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
        double[] out = new double[Shapes.size(shape)];
        expand(x.values(), x.shape, shape, out);
        return out;
    }

    /** Copies {@code a} (of shape {@code from}) into {@code out} laid out as the broadcast shape {@code shape}. */
    static void expand(double[] a, int[] from, int[] shape, double[] out) {
        int n = out.length;
        if (a.length == n) {
            System.arraycopy(a, 0, out, 0, n);
        } else if (a.length == 1) {
            java.util.Arrays.fill(out, a[0]);
        } else if (n > 0) {
            gather(a, Broadcasting.strides(from, shape), shape, out);
        }
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

    /**
     * The values rounded to float (how FLOAT32 results are stored; see {@link DType}). Note "conversion loops": on the
     * CI machine (AVX-512, Java 17) a loop that only converts runs about 0.6 ns per element, and so does a loop of
     * double or of float arithmetic, but a loop that widens each float, computes in double and rounds back ran
     * 10–30 ns per element (a float sigmoid 26 µs on 800 values, against 9 µs for widen, compute in double, narrow;
     * an SGD step {@code x = (float) (x - lr * g)} over floats 2 ms on 235K values, against 0.04 ms in float). So
     * FLOAT32 ops either compute in float or go through {@link Tensor#values()} and this method, never convert inside
     * the loop.
     */
    static float[] narrow(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    /** The values as doubles (exact); see "conversion loops" on {@link #narrow}. */
    static double[] widen(float[] f) {
        double[] a = new double[f.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = f[i];
        }
        return a;
    }
}
