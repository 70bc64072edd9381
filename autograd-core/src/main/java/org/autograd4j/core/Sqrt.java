package org.autograd4j.core;

/** Square root: {@code d/dx sqrt(x) = 1 / (2 sqrt(x))}. */
final class Sqrt extends Node {
    private Sqrt(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor out = Recorded.map("sqrt", x, Math::sqrt);
        return Node.recording(x) ? Node.attach(out, new Sqrt(x)) : out;
    }

    @Override
    boolean savesOutput() {
        return true;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.div(out.mul(2.0))};
    }
}
