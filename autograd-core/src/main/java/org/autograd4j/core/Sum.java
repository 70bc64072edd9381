package org.autograd4j.core;

import org.autograd4j.core.backend.Parallel;

/** Sum over some axes: {@code d/dx_i Σ x = 1}, so the gradient is broadcast back over the summed axes. */
final class Sum extends Node {
    private final int[] keptShape;

    private Sum(Tensor x, int[] keptShape) {
        super(x);
        this.keptShape = keptShape;
    }

    static int[] allAxes(int rank) {
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) {
            axes[i] = i;
        }
        return axes;
    }

    /** Sums over {@code axes} (resolved, distinct, ascending); they stay as size 1 when {@code keepDim}. */
    static Tensor apply(Tensor x, int[] axes, boolean keepDim) {
        int rank = x.shape.length;
        int[] kept = x.shape.clone();
        boolean[] reduced = new boolean[rank];
        for (int a : axes) {
            kept[a] = 1;
            reduced[a] = true;
        }
        int[] shape = kept;
        if (!keepDim) {
            shape = new int[rank - axes.length];
            for (int i = 0, j = 0; i < rank; i++) {
                if (!reduced[i]) {
                    shape[j++] = x.shape[i];
                }
            }
        }
        double[] out = new double[Shapes.size(kept)];
        Object src = x.storage();
        int[] xs = x.shape;
        double[] wide = x.fdata != null && axes.length != 1 ? Kernels.widen(x.fdata) : null;
        sum(src, xs, axes, kept, wide, out);
        Tensor result = new Tensor(out, shape, x.dtype);
        Capture c = Capture.current();
        if (c != null) {
            float[] dst = result.fdata;
            c.record("sum", () -> {
                java.util.Arrays.fill(out, 0.0);
                sum(src, xs, axes, kept, wide, out);
                if (dst != null) {
                    Recorded.narrow(out, dst);
                } else if (result.dtype == DType.INT64) {
                    DType.checkWhole("sum", out);   // as the INT64 result's constructor checked, on every replay
                }
            }, result, x);
        }
        return Node.recording(x) ? Node.attach(result, new Sum(x, kept)) : result;
    }

    /**
     * The kernel: adds the sums into {@code out} (zeros on entry). {@code wide} is a buffer for a FLOAT32 source's
     * widened values, null where the loops read the source directly.
     */
    private static void sum(Object src, int[] shape, int[] axes, int[] kept, double[] wide, double[] out) {
        if (src instanceof float[] f && axes.length == 1) {
            sumAxis(f, shape, axes[0], out);
            return;
        }
        double[] a;
        if (wide != null) {
            Recorded.widen((float[]) src, wide);
            a = wide;
        } else {
            a = (double[]) src;
        }
        int rank = shape.length;
        if (out.length == 1) {
            double s = 0;
            for (double v : a) {
                s += v;
            }
            out[0] = s;
        } else if (axes.length == 1) {
            int axis = axes[0];
            int outer = Shapes.outer(shape, axis);
            int n = shape[axis];
            int inner = Shapes.inner(shape, axis);
            if (Parallel.worthSplitting(a.length)) {
                Parallel.forRange(inner, (long) outer * n, (lo, hi) -> sumAxis(a, outer, n, inner, out, lo, hi));
            } else {
                sumAxis(a, outer, n, inner, out, 0, inner);
            }
        } else if (a.length > 0) {
            int[] s = Broadcasting.strides(kept, shape);
            int[] idx = new int[rank];
            int p = 0;
            for (double v : a) {
                out[p] += v;
                for (int d = rank - 1; d >= 0; d--) {
                    p += s[d];
                    if (++idx[d] < shape[d]) {
                        break;
                    }
                    p -= s[d] * shape[d];
                    idx[d] = 0;
                }
            }
        }
    }

    /**
     * The one-axis sum of a FLOAT32 tensor straight from its floats, accumulating in double (no widened copy: this is
     * the reduction of every bias gradient). Four rows at a time are added in float first, so the loop converts once
     * per four elements: a [128, 256] column sum took 23–26 µs converting every element, 12–14 µs this way. The float
     * partial sums add a rounding of at most 2^-23 of each to a result that is rounded to float anyway.
     */
    private static void sumAxis(float[] a, int[] shape, int axis, double[] out) {
        int outer = Shapes.outer(shape, axis);
        int n = shape[axis];
        int inner = Shapes.inner(shape, axis);
        if (Parallel.worthSplitting(a.length)) {
            // by columns: each output's sum in the same order whatever the split (Parallel, "bit-identical")
            Parallel.forRange(inner, (long) outer * n, (lo, hi) -> sumAxis(a, outer, n, inner, out, lo, hi));
        } else {
            sumAxis(a, outer, n, inner, out, 0, inner);
        }
    }

    /** {@link #sumAxis(float[], int[], int, double[])} over the columns {@code [lo, hi)} of every outer slice. */
    private static void sumAxis(float[] a, int outer, int n, int inner, double[] out, int lo, int hi) {
        for (int o = 0; o < outer; o++) {
            int dst = o * inner;
            int base = o * n * inner;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                int s0 = base + j * inner;
                int s1 = s0 + inner;
                int s2 = s1 + inner;
                int s3 = s2 + inner;
                for (int i = lo; i < hi; i++) {
                    out[dst + i] += (a[s0 + i] + a[s1 + i]) + (a[s2 + i] + a[s3 + i]);
                }
            }
            for (; j < n; j++) {
                int src = base + j * inner;
                for (int i = lo; i < hi; i++) {
                    out[dst + i] += a[src + i];
                }
            }
        }
    }

    /** The one-axis sum in double over the columns {@code [lo, hi)} of every outer slice (split as the float one). */
    private static void sumAxis(double[] a, int outer, int n, int inner, double[] out, int lo, int hi) {
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < n; j++) {
                int from = (o * n + j) * inner;
                int dst = o * inner;
                for (int i = lo; i < hi; i++) {
                    out[dst + i] += a[from + i];
                }
            }
        }
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {BroadcastTo.apply(Reshape.apply(gradOut, keptShape), inputs[0].shape)};
    }
}
