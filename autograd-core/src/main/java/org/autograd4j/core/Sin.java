package org.autograd4j.core;

/** Sine: {@code d/dx sin(x) = cos(x)}. */
final class Sin extends Node {
    private Sin(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor out = Recorded.map("sin", x, Math::sin);
        return Node.recording(x) ? Node.attach(out, new Sin(x)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.mul(inputs[0].cos())};
    }
}
