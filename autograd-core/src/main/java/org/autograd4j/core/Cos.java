package org.autograd4j.core;

/** Cosine: {@code d/dx cos(x) = -sin(x)}. */
final class Cos extends Node {
    private Cos(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor out = Recorded.map("cos", x, Math::cos);
        return Node.recording(x) ? Node.attach(out, new Cos(x)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.mul(inputs[0].sin()).neg()};
    }
}
