package org.autograd4j.core;

/** Natural logarithm: {@code d/dx log(x) = 1 / x}. */
final class Log extends Node {
    private Log(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor out = Recorded.map("log", x, Math::log);
        return Node.recording(x) ? Node.attach(out, new Log(x)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.div(inputs[0])};
    }
}
