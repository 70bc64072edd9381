package org.autograd4j.core;

/** Absolute value: {@code d/dx |x| = sign(x)}, 0 at 0 as in PyTorch. */
final class Abs extends Node {
    private Abs(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor out = Recorded.map("abs", x, Math::abs);
        return Node.recording(x) ? Node.attach(out, new Abs(x)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        return new Tensor[] {gradOut.mul(Recorded.map("abs mask", x, Math::signum))};
    }
}
