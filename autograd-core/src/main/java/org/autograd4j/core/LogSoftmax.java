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
        double[] out = new double[x.data.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = x.data[p] - lse[(p / (n * inner)) * inner + p % inner];
        }
        Tensor result = Tensor.make(out, x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(result, new LogSoftmax(x, a)) : result;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.sub(out.exp().mul(gradOut.sum(axis, true)))};
    }
}
