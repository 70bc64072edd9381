package org.autograd4j.core;

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
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double m = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    m = Math.max(m, v[base + j * inner]);
                }
                if (Double.isInfinite(m)) {
                    // all -inf (or an +inf): the shift would give NaN; the plain formula gives the right limit
                    m = 0.0;
                }
                double s = 0;
                for (int j = 0; j < n; j++) {
                    int q = base + j * inner;
                    double e = Math.exp(v[q] - m);
                    out[q] = e;
                    s += e;
                }
                double shift = m + Math.log(s);
                for (int j = 0; j < n; j++) {
                    int q = base + j * inner;
                    if (p != null) {
                        p[q] = out[q] / s;
                    }
                    out[q] = v[q] - shift;
                }
            }
        }
        Tensor result = new Tensor(out, x.shape, x.dtype);
        return recording ? Node.attach(result, new LogSoftmax(x, a, p)) : result;
    }

    /** {@code g - softmax(x) Σ g} in one pass per slice, for first-order gradients. */
    private double[] fusedBackward(double[] g) {
        int n = out.shape[axis];
        int inner = Shapes.inner(out.shape, axis);
        int outer = Shapes.outer(out.shape, axis);
        double[] p = probabilities;
        double[] d = new double[p.length];
        for (int k = 0; k < outer; k++) {
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
        return d;
    }

    @Override
    boolean savesOutput() {
        return true;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        if (!GradMode.enabled()) {
            return new Tensor[] {new Tensor(fusedBackward(gradOut.values()), out.shape, gradOut.dtype)};
        }
        return new Tensor[] {gradOut.sub(out.exp().mul(gradOut.sum(axis, true)))};
    }

    @Override
    void release() {
        super.release();
        probabilities = null;
    }
}
