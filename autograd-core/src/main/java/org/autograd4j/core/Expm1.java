package org.autograd4j.core;

/** {@code e^x - 1}, exact for small x: {@code d/dx expm1(x) = e^x = expm1(x) + 1}, as PyTorch computes it. */
final class Expm1 extends Node {
    private Expm1(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor out = Recorded.map("expm1", x, Math::expm1);
        return Node.recording(x) ? Node.attach(out, new Expm1(x)) : out;
    }

    @Override
    boolean savesOutput() {
        return true;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.mul(out.add(1.0))};
    }
}
