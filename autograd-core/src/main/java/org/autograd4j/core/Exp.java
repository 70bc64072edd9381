package org.autograd4j.core;

/** Exponential: {@code d/dx exp(x) = exp(x)}. */
final class Exp extends Node {
    private Exp(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor out = Tensor.make(Kernels.map(x.data, Math::exp), x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(out, new Exp(x)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.mul(out)};
    }
}
