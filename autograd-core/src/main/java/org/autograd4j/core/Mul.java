package org.autograd4j.core;

/** Elementwise product, broadcasting: {@code d/dx (x * y) = y, d/dy (x * y) = x}. */
final class Mul extends Node {
    private Mul(Tensor x, Tensor y) {
        super(x, y);
    }

    static Tensor apply(Tensor x, Tensor y) {
        int[] shape = Broadcasting.shape("mul", x.shape, y.shape);
        Tensor out = Kernels.arithmetic(x, y, shape, Kernels.MUL);
        return Node.recording(x, y) ? Node.attach(out, new Mul(x, y)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        Tensor y = inputs[1];
        return new Tensor[] {needs(0) ? gradOut.mul(y) : null, needs(1) ? gradOut.mul(x) : null};
    }
}
