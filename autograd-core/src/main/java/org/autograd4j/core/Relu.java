package org.autograd4j.core;

/** Rectifier: {@code d/dx max(x, 0) = [x > 0]}, 0 at 0 as in PyTorch. */
final class Relu extends Node {
    private Relu(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor out = new Tensor(Kernels.map(x.data, v -> v > 0 ? v : 0.0), x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(out, new Relu(x)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        return new Tensor[] {gradOut.mul(new Tensor(Kernels.map(x.data, v -> v > 0 ? 1.0 : 0.0), x.shape, x.dtype))};
    }
}
