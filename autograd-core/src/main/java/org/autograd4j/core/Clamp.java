package org.autograd4j.core;

/** Clamp to {@code [lo, hi]}: {@code d/dx = [lo <= x <= hi]}, as in PyTorch. */
final class Clamp extends Node {
    private final double lo;
    private final double hi;

    private Clamp(Tensor x, double lo, double hi) {
        super(x);
        this.lo = lo;
        this.hi = hi;
    }

    static Tensor apply(Tensor x, double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
            throw new IllegalArgumentException("clamp: needs lo <= hi, got lo=" + lo + ", hi=" + hi);
        }
        Tensor out = Recorded.map("clamp", x, v -> Math.min(Math.max(v, lo), hi));
        return Node.recording(x) ? Node.attach(out, new Clamp(x, lo, hi)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        double a = lo;
        double b = hi;
        return new Tensor[] {gradOut.mul(Recorded.map("clamp mask", x, v -> v >= a && v <= b ? 1.0 : 0.0))};
    }
}
