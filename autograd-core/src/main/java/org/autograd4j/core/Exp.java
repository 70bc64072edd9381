package org.autograd4j.core;

/** Exponential: {@code d/dx exp(x) = exp(x)}. */
final class Exp extends Node {
    private Exp(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor out = Recorded.unary("exp", x, Exp::forward);
        return Node.recording(x) ? Node.attach(out, new Exp(x)) : out;
    }

    private static void forward(double[] a, double[] y) {
        for (int i = 0; i < a.length; i++) {
            y[i] = Math.exp(a[i]);
        }
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
