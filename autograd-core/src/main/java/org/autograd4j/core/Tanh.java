package org.autograd4j.core;

/** Hyperbolic tangent: {@code d/dx tanh(x) = 1 - tanh(x)²}. */
final class Tanh extends Node {
    private Tanh(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        if (x.fdata != null) {
            float[] a = x.fdata;
            float[] y = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                y[i] = (float) Math.tanh(a[i]);
            }
            Tensor out = new Tensor(y, x.shape);
            return Node.recording(x) ? Node.attach(out, new Tanh(x)) : out;
        }
        double[] a = x.data;
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = Math.tanh(a[i]);
        }
        Tensor out = Tensor.make(y, x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(out, new Tanh(x)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        if (!GradMode.enabled() && gradOut.fdata != null && out.fdata != null) {
            // in float, as PyTorch computes it: a float/double conversion per element would not vectorise
            float[] g = gradOut.fdata;
            float[] o = out.fdata;
            float[] d = new float[o.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = g[i] * (1f - o[i] * o[i]);
            }
            return new Tensor[] {new Tensor(d, out.shape)};
        }
        if (!GradMode.enabled()) {
            double[] g = gradOut.values();
            double[] o = out.values();
            double[] d = new double[o.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = g[i] * (1.0 - o[i] * o[i]);
            }
            return new Tensor[] {Tensor.make(d, out.shape, gradOut.dtype)};
        }
        return new Tensor[] {gradOut.mul(out.mul(out).neg().add(1.0))};
    }
}
