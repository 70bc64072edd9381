package org.autograd4j.core;

/** Rectifier: {@code d/dx max(x, 0) = [x > 0]}, 0 at 0 as in PyTorch. */
final class Relu extends Node {
    private Relu(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        double[] a = x.data;
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = a[i] > 0 ? a[i] : 0.0;
        }
        Tensor out = new Tensor(y, x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(out, new Relu(x)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        if (!GradMode.enabled()) {
            double[] g = gradOut.data;
            double[] a = x.data;
            double[] d = new double[a.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = a[i] > 0 ? g[i] : 0.0;
            }
            return new Tensor[] {new Tensor(d, x.shape, gradOut.dtype)};
        }
        return new Tensor[] {gradOut.mul(new Tensor(Kernels.map(x.data, v -> v > 0 ? 1.0 : 0.0), x.shape, x.dtype))};
    }
}
