package org.autograd4j.core;

/** Hyperbolic tangent: {@code d/dx tanh(x) = 1 - tanh(x)²}. */
final class Tanh extends Node {
    private Tanh(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor out = Tensor.make(Kernels.map(x.data, Math::tanh), x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(out, new Tanh(x)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.mul(out.mul(out).neg().add(1.0))};
    }
}
