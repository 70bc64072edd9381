package org.autograd4j.core;

/** Exponential: {@code d/dx exp(x) = exp(x)}. */
final class Exp extends Node {
    private Exp(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        double[] a = x.values();
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = Math.exp(a[i]);
        }
        Tensor out = new Tensor(y, x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(out, new Exp(x)) : out;
    }

    @Override
    boolean savesOutput() {
        return true;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.mul(out)};
    }
}
