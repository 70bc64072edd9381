package org.autograd4j.core;

/** Leaky rectifier: {@code d/dx = 1 for x > 0, slope otherwise}. */
final class LeakyRelu extends Node {
    private final double slope;

    private LeakyRelu(Tensor x, double slope) {
        super(x);
        this.slope = slope;
    }

    static Tensor apply(Tensor x, double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("leakyRelu: slope must be finite, got " + slope);
        }
        Tensor out = new Tensor(Kernels.map(x, v -> v > 0 ? v : slope * v), x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(out, new LeakyRelu(x, slope)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        double s = slope;
        return new Tensor[] {gradOut.mul(new Tensor(Kernels.map(x, v -> v > 0 ? 1.0 : s), x.shape, x.dtype))};
    }
}
