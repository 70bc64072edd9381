package org.autograd4j.core;

import org.autograd4j.core.backend.Parallel;

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
        if (Parallel.worthSplitting(a.length)) {
            Parallel.forRange(a.length, (from, to) -> forward(a, y, slope, from, to));
        } else {
            forward(a, y, slope, 0, a.length);
        }
    }

    /** The loop over {@code [from, to)}: elementwise, so split over threads it gives the one-thread result. */
    private static void forward(double[] a, double[] y, double slope, int from, int to) {
        for (int i = from; i < to; i++) {
            double v = a[i];
            y[i] = v > 0 ? v : slope * v;
        }
    }

    private static void slopes(double[] a, double[] m, double slope) {
        if (Parallel.worthSplitting(a.length)) {
            Parallel.forRange(a.length, (from, to) -> slopes(a, m, slope, from, to));
        } else {
            slopes(a, m, slope, 0, a.length);
        }
    }

    /** The loop over {@code [from, to)}: elementwise, so split over threads it gives the one-thread result. */
    private static void slopes(double[] a, double[] m, double slope, int from, int to) {
        for (int i = from; i < to; i++) {
            m[i] = a[i] > 0 ? 1.0 : slope;
        }
    }
}
