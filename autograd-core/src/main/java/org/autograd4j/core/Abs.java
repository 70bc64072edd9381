package org.autograd4j.core;

/** Absolute value: {@code d/dx |x| = sign(x)}, 0 at 0 as in PyTorch. */
final class Abs extends Node {
    private Abs(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor out = new Tensor(Kernels.map(x, Math::abs), x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(out, new Abs(x)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        return new Tensor[] {gradOut.mul(new Tensor(Kernels.map(x, Math::signum), x.shape, x.dtype))};
    }
}
