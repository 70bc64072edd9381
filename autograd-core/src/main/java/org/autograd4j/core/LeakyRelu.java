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
        Tensor out = Recorded.unary("leakyRelu", x, (a, y) -> forward(a, y, slope));
        return Node.recording(x) ? Node.attach(out, new LeakyRelu(x, slope)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        double s = slope;
        return new Tensor[] {gradOut.mul(Recorded.unary("leakyRelu slope", x, (a, m) -> slopes(a, m, s)))};
    }

    private static void forward(double[] a, double[] y, double slope) {
        for (int i = 0; i < a.length; i++) {
            double v = a[i];
            y[i] = v > 0 ? v : slope * v;
        }
    }

    private static void slopes(double[] a, double[] m, double slope) {
        for (int i = 0; i < a.length; i++) {
            m[i] = a[i] > 0 ? 1.0 : slope;
        }
    }
}
