package org.autograd4j.core;

/** Softplus: {@code d/dx log(1 + e^x) = σ(x)}. */
final class Softplus extends Node {
    private Softplus(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        // max(x, 0) + log1p(e^-|x|) never overflows and keeps precision for large negative x.
        Tensor out = Recorded.map("softplus", x, v -> Math.max(v, 0.0) + Math.log1p(Math.exp(-Math.abs(v))));
        return Node.recording(x) ? Node.attach(out, new Softplus(x)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.mul(inputs[0].sigmoid())};
    }
}
