package org.autograd4j.core;

import org.autograd4j.core.backend.Parallel;

/**
 * Log-softmax along an axis, fused for stability and speed:
 * {@code d/dx logSoftmax(x) · g = g - softmax(x) Σ g}.
 */
final class LogSoftmax extends Node {
    private final int axis;
    /**
     * softmax(x), kept from the forward for the fused first-order backward: the forward computes every exp anyway,
     * and the backward would otherwise compute them all again (half of a small network's loss time).
     */
    private double[] probabilities;

    private LogSoftmax(Tensor x, int axis, double[] probabilities) {
        super(x);
        this.axis = axis;
        this.probabilities = probabilities;
    }

    static Tensor apply(Tensor x, int axis) {
        int a = Shapes.axis("logSoftmax", axis, x.shape.length);
        int n = x.shape[a];
        int inner = Shapes.inner(x.shape, a);
        int outer = Shapes.outer(x.shape, a);
        double[] v = x.values();
        double[] out = new double[v.length];
        boolean recording = Node.recording(x);
        double[] p = recording ? new double[v.length] : null;
        // the exps go to p, or to a buffer of their own when nothing is recorded (the capture keeps it)
        double[] e = p != null ? p : new double[v.length];
        forward(v, n, inner, outer, out, e, p);
        Tensor result = new Tensor(out, x.shape, x.dtype);
        Capture c = Capture.current();
        if (c != null) {
            float[] src = x.fdata;
            float[] dst = result.fdata;
            c.record("logSoftmax", () -> {
                if (src != null) {
                    Recorded.widen(src, v);
                }
                forward(v, n, inner, outer, out, e, p);
                if (dst != null) {
                    Recorded.narrow(out, dst);
                }
            }, result, x);
        }
        return recording ? Node.attach(result, new LogSoftmax(x, a, p)) : result;
    }

    /**
     * The kernel: log-softmax of {@code v} into {@code out}, and softmax into {@code p} unless null; {@code e} holds
     * the exps between the passes ({@code p} itself when given).
     */
    private static void forward(double[] v, int n, int inner, int outer, double[] out, double[] e, double[] p) {
        if (Parallel.worthSplitting((long) Parallel.TRANSCENDENTAL * v.length)) {
            // by slices: each one computed whole, as on one thread (Parallel, "bit-identical")
            Parallel.forRange(outer, (long) Parallel.TRANSCENDENTAL * n * inner,
                    (lo, hi) -> forward(v, n, inner, out, e, p, lo, hi));
        } else {
            forward(v, n, inner, out, e, p, 0, outer);
        }
    }

    /**
     * {@link #forward(double[], int, int, int, double[], double[], double[])} over the outer slices {@code [lo, hi)},
     * in three passes so that the exps, most of the time, run as one vector loop over the block ({@link ExpLoop})
     * rather than one {@link Math#exp} call per element: shift each slice by its maximum, exp the block, then sum and
     * normalise each slice.
     */
    private static void forward(double[] v, int n, int inner, double[] out, double[] e, double[] p, int lo, int hi) {
        if (n == 2 && inner == 1) {
            forwardPairs(v, out, e, p, lo, hi);
            return;
        }
        for (int o = lo; o < hi; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double m = max(v, base, n, inner);
                for (int j = 0; j < n; j++) {
                    int q = base + j * inner;
                    out[q] = v[q] - m;
                }
            }
        }
        ExpLoop.exp(out, e, lo * n * inner, hi * n * inner);
        for (int o = lo; o < hi; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += e[base + j * inner];
                }
                double shift = max(v, base, n, inner) + Math.log(s);
                for (int j = 0; j < n; j++) {
                    int q = base + j * inner;
                    if (p != null) {
                        p[q] = e[q] / s;
                    }
                    out[q] = v[q] - shift;
                }
            }
        }
    }

    /**
     * The same passes for rows of two along the last axis (binary classification, the commonest case in small
     * networks), written out: the same operations in the same order as the general loops, so the same bits, without
     * their inner loops of two iterations (1.6 against 2.5 µs for 100 rows).
     */
    private static void forwardPairs(double[] v, double[] out, double[] e, double[] p, int lo, int hi) {
        for (int r = lo; r < hi; r++) {
            int q = 2 * r;
            double m = pairMax(v[q], v[q + 1]);
            out[q] = v[q] - m;
            out[q + 1] = v[q + 1] - m;
        }
        ExpLoop.exp(out, e, 2 * lo, 2 * hi);
        for (int r = lo; r < hi; r++) {
            int q = 2 * r;
            double s = 0;
            s += e[q];
            s += e[q + 1];
            double shift = pairMax(v[q], v[q + 1]) + Math.log(s);
            if (p != null) {
                p[q] = e[q] / s;
                p[q + 1] = e[q + 1] / s;
            }
            out[q] = v[q] - shift;
            out[q + 1] = v[q + 1] - shift;
        }
    }

    /** {@link #max} of a row of two, as its loop computes it. */
    private static double pairMax(double a, double b) {
        double m = Math.max(Math.max(Double.NEGATIVE_INFINITY, a), b);
        return Double.isInfinite(m) ? 0.0 : m;
    }

    /** The maximum of one slice, or 0 when it is infinite (all -inf, or an +inf: the shift would give NaN). */
    private static double max(double[] v, int base, int n, int inner) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            m = Math.max(m, v[base + j * inner]);
        }
        return Double.isInfinite(m) ? 0.0 : m;
    }

    /** {@code g - softmax(x) Σ g} in one pass per slice, for first-order gradients, into {@code d}. */
    private static void fusedBackward(double[] g, double[] p, int n, int inner, int outer, double[] d) {
        if (Parallel.worthSplitting(d.length)) {
            Parallel.forRange(outer, (long) n * inner, (lo, hi) -> fusedBackward(g, p, n, inner, d, lo, hi));
        } else {
            fusedBackward(g, p, n, inner, d, 0, outer);
        }
    }

    /** The fused backward over the outer slices {@code [lo, hi)}. */
    private static void fusedBackward(double[] g, double[] p, int n, int inner, double[] d, int lo, int hi) {
        for (int k = lo; k < hi; k++) {
            for (int i = 0; i < inner; i++) {
                int base = k * n * inner + i;
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += g[base + j * inner];
                }
                for (int j = 0; j < n; j++) {
                    int q = base + j * inner;
                    d[q] = g[q] - p[q] * s;
                }
            }
        }
    }

    @Override
    boolean savesOutput() {
        return true;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.sub(out.exp().mul(gradOut.sum(axis, true)))};
    }

    @Override
    Tensor[] backwardFirstOrder(Tensor gradOut) {
        return new Tensor[] {fused(gradOut)};
    }

    private Tensor fused(Tensor gradOut) {
        int n = out.shape[axis];
        int inner = Shapes.inner(out.shape, axis);
        int outer = Shapes.outer(out.shape, axis);
        double[] p = probabilities;
        double[] g = gradOut.values();
        double[] d = new double[p.length];
        fusedBackward(g, p, n, inner, outer, d);
        Tensor result = new Tensor(d, out.shape, gradOut.dtype);
        Capture c = Capture.current();
        if (c != null) {
            float[] src = gradOut.fdata;
            float[] dst = result.fdata;
            c.record("logSoftmax backward", () -> {
                if (src != null) {
                    Recorded.widen(src, g);
                }
                fusedBackward(g, p, n, inner, outer, d);
                if (dst != null) {
                    Recorded.narrow(d, dst);
                }
            }, result, gradOut);
        }
        return result;
    }

    @Override
    void release() {
        super.release();
        probabilities = null;
    }
}
