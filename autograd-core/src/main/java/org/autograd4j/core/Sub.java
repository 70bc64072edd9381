package org.autograd4j.core;

/** Elementwise difference, broadcasting: {@code d/dx (x - y) = 1, d/dy (x - y) = -1}. */
final class Sub extends Node {
    private Sub(Tensor x, Tensor y) {
        super(x, y);
    }

    static Tensor apply(Tensor x, Tensor y) {
        int[] shape = Broadcasting.shape("sub", x.shape, y.shape);
        Tensor out = Kernels.arithmetic(x, y, shape, Kernels.SUB);
        return Node.recording(x, y) ? Node.attach(out, new Sub(x, y)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut, needs(1) ? gradOut.neg() : null};
    }
}
