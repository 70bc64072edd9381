package org.autograd4j.core;

/** Conversion between FLOAT32 and FLOAT64: the gradient is converted back, {@code d/dx cast(x) = 1}. */
final class Cast extends Node {
    private Cast(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x, DType type) {
        Tensor out = new Tensor(x.toDoubleArray(), x.shape, type);
        return Node.recording(x) ? Node.attach(out, new Cast(x)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.to(inputs[0].dtype)};
    }
}
