package org.autograd4j.core;

import org.autograd4j.core.backend.Parallel;

/** Hyperbolic tangent: {@code d/dx tanh(x) = 1 - tanh(x)²}. */
final class Tanh extends Node {
    private Tanh(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        // FLOAT32 too through doubles: widening, computing and narrowing in three loops ran 2.5× faster here than
        // one loop converting each float to double and back (see Kernels, "conversion loops")
        Tensor out = Recorded.unary("tanh", x, Tanh::forward);
        return Node.recording(x) ? Node.attach(out, new Tanh(x)) : out;
    }

    private static void forward(double[] a, double[] y) {
        if (Parallel.worthSplitting((long) Parallel.TRANSCENDENTAL * a.length)) {
            Parallel.forRange(a.length, (from, to) -> forward(a, y, from, to));
        } else {
            forward(a, y, 0, a.length);
        }
    }

    /** The loop over {@code [from, to)}: elementwise, so split over threads it gives the one-thread result. */
    private static void forward(double[] a, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = Math.tanh(a[i]);
        }
    }

    @Override
    boolean savesOutput() {
        return true;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.mul(out.mul(out).neg().add(1.0))};
    }

    @Override
    Tensor[] backwardFirstOrder(Tensor gradOut) {
        // in float for FLOAT32, as PyTorch computes it: a float/double conversion per element would not vectorise
        return new Tensor[] {Recorded.gradient("tanh backward", gradOut, out, out.shape, Tanh::gradient,
                Tanh::gradient)};
    }

    private static void gradient(float[] g, float[] o, float[] d) {
        if (Parallel.worthSplitting(d.length)) {
            Parallel.forRange(d.length, (from, to) -> gradient(g, o, d, from, to));
        } else {
            gradient(g, o, d, 0, d.length);
        }
    }

    /** The loop over {@code [from, to)}: elementwise, so split over threads it gives the one-thread result. */
    private static void gradient(float[] g, float[] o, float[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            d[i] = g[i] * (1f - o[i] * o[i]);
        }
    }

    private static void gradient(double[] g, double[] o, double[] d) {
        if (Parallel.worthSplitting(d.length)) {
            Parallel.forRange(d.length, (from, to) -> gradient(g, o, d, from, to));
        } else {
            gradient(g, o, d, 0, d.length);
        }
    }

    /** The loop over {@code [from, to)}: elementwise, so split over threads it gives the one-thread result. */
    private static void gradient(double[] g, double[] o, double[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            d[i] = g[i] * (1.0 - o[i] * o[i]);
        }
    }
}
