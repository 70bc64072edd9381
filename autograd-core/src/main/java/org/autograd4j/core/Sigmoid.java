package org.autograd4j.core;

import org.autograd4j.core.backend.Parallel;

/** Logistic function: {@code d/dx σ(x) = σ(x) (1 - σ(x))}. */
final class Sigmoid extends Node {
    private Sigmoid(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        // FLOAT32 too through doubles: widening, computing and narrowing in three loops ran 2.5× faster here than
        // one loop converting each float to double and back (see Kernels, "conversion loops")
        Tensor out = Recorded.unary("sigmoid", x, Sigmoid::forward);
        return Node.recording(x) ? Node.attach(out, new Sigmoid(x)) : out;
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
        // exp(-|a|) in vector passes (ExpLoop), then value()'s formula on it: 1 / (1 + e) or e / (1 + e)
        ExpLoop.polynomialNegAbs(a, y, from, to);
        for (int i = from; i < to; i++) {
            double v = a[i];
            double e = ExpLoop.finish(-Math.abs(v), y[i]);
            y[i] = (v >= 0 ? 1.0 : e) / (1.0 + e);
        }
    }

    /**
     * The formula the kernel computes, one element at a time with {@link Math#exp}: the reference
     * {@code SigmoidKernelTest} holds the vectorised kernel to (within three ulps, two seen). Never evaluates exp of
     * a large positive number, so it neither overflows nor loses precision.
     */
    static double value(double v) {
        if (v >= 0) {
            return 1.0 / (1.0 + Math.exp(-v));
        }
        double e = Math.exp(v);
        return e / (1.0 + e);
    }

    @Override
    boolean savesOutput() {
        return true;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.mul(out.mul(out.neg().add(1.0)))};
    }

    @Override
    Tensor[] backwardFirstOrder(Tensor gradOut) {
        // in float for FLOAT32, as PyTorch computes it: a float/double conversion per element would not vectorise
        return new Tensor[] {Recorded.gradient("sigmoid backward", gradOut, out, out.shape, Sigmoid::gradient,
                Sigmoid::gradient)};
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
            d[i] = g[i] * o[i] * (1f - o[i]);
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
            d[i] = g[i] * o[i] * (1.0 - o[i]);
        }
    }
}
