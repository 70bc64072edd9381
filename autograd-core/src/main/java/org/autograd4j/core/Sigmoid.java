package org.autograd4j.core;

/** Logistic function: {@code d/dx σ(x) = σ(x) (1 - σ(x))}. */
final class Sigmoid extends Node {
    private Sigmoid(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor out = Tensor.make(Kernels.map(x.data, Sigmoid::value), x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(out, new Sigmoid(x)) : out;
    }

    /** Never evaluates exp of a large positive number, so it neither overflows nor loses precision. */
    static double value(double v) {
        if (v >= 0) {
            return 1.0 / (1.0 + Math.exp(-v));
        }
        double e = Math.exp(v);
        return e / (1.0 + e);
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.mul(out.mul(out.neg().add(1.0)))};
    }
}
