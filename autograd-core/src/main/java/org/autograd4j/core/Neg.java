package org.autograd4j.core;

/** Negation: {@code d/dx (-x) = -1}. */
final class Neg extends Node {
    private Neg(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor result = Recorded.unary("neg", x, Neg::forward);
        return Node.recording(x) ? Node.attach(result, new Neg(x)) : result;
    }

    private static void forward(double[] a, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = -a[i];
        }
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.neg()};
    }
}
