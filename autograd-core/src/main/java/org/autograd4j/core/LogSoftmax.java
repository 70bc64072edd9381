package org.autograd4j.core;

/**
 * Log-softmax along an axis, fused for stability and speed:
 * {@code d/dx logSoftmax(x) · g = g - softmax(x) Σ g}.
 */
final class LogSoftmax extends Node {
    private final int axis;

    private LogSoftmax(Tensor x, int axis) {
        super(x);
        this.axis = axis;
    }

    static Tensor apply(Tensor x, int axis) {
        int a = Shapes.axis("logSoftmax", axis, x.shape.length);
        double[] lse = LogSumExp.lse(x, a);
        int n = x.shape[a];
        int inner = Shapes.inner(x.shape, a);
        double[] v = x.values();
        double[] out = new double[v.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = v[p] - lse[(p / (n * inner)) * inner + p % inner];
        }
        Tensor result = Tensor.make(out, x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(result, new LogSoftmax(x, a)) : result;
    }

    /** {@code g - exp(out) Σ g} in one pass per slice, for first-order gradients. */
    private double[] fusedBackward(double[] g, double[] o) {
        int n = out.shape[axis];
        int inner = Shapes.inner(out.shape, axis);
        int outer = Shapes.outer(out.shape, axis);
        double[] d = new double[o.length];
        for (int k = 0; k < outer; k++) {
            for (int i = 0; i < inner; i++) {
                int base = k * n * inner + i;
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += g[base + j * inner];
                }
                for (int j = 0; j < n; j++) {
                    int p = base + j * inner;
                    d[p] = g[p] - Math.exp(o[p]) * s;
                }
            }
        }
        return d;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        if (!GradMode.enabled()) {
            return new Tensor[] {Tensor.make(fusedBackward(gradOut.values(), out.values()), out.shape, gradOut.dtype)};
        }
        return new Tensor[] {gradOut.sub(out.exp().mul(gradOut.sum(axis, true)))};
    }
}
