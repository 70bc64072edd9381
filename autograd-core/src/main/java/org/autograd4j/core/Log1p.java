package org.autograd4j.core;

/** {@code log(1 + x)}, exact for small x: {@code d/dx log1p(x) = 1 / (1 + x)}. */
final class Log1p extends Node {
    private Log1p(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor out = Recorded.map("log1p", x, Math::log1p);
        return Node.recording(x) ? Node.attach(out, new Log1p(x)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.div(inputs[0].add(1.0))};
    }
}
