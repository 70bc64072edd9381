package org.autograd4j.core;

/** Elementwise quotient, broadcasting: {@code d/dx (x / y) = 1 / y, d/dy (x / y) = -x / y²}. */
final class Div extends Node {
    private Div(Tensor x, Tensor y) {
        super(x, y);
    }

    static Tensor apply(Tensor x, Tensor y) {
        int[] shape = Broadcasting.shape("div", x.shape, y.shape);
        Tensor out = Kernels.arithmetic(x, y, shape, Kernels.DIV);
        return Node.recording(x, y) ? Node.attach(out, new Div(x, y)) : out;
    }

    @Override
    boolean savesOutput() {
        return true;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor y = inputs[1];
        // -x / y² written as -(x / y) / y reuses the saved output.
        return new Tensor[] {needs(0) ? gradOut.div(y) : null, needs(1) ? gradOut.mul(out).div(y).neg() : null};
    }
}
