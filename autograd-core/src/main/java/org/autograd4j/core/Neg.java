package org.autograd4j.core;

/** Negation: {@code d/dx (-x) = -1}. */
final class Neg extends Node {
    private Neg(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        double[] a = x.values();
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
        Tensor result = new Tensor(out, x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(result, new Neg(x)) : result;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.neg()};
    }
}
