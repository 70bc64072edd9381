package org.autograd4j.core;

import org.autograd4j.core.backend.Parallel;

/**
 * Rectifier: {@code d/dx max(x, 0) = [x > 0]}, 0 at 0 as in PyTorch; NaN stays NaN. The loops are branch-free: on
 * data of random sign a compare-and-branch mispredicts half the time and ran about 4.5 ns per element here, against
 * 0.3 ns for {@code Math.max} (which vectorises).
 */
final class Relu extends Node {
    private Relu(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Capture c = Capture.current();
        if (x.fdata != null) {
            float[] a = x.fdata;
            float[] y = new float[a.length];
            forward(a, y);
            Tensor out = new Tensor(y, x.shape);
            if (c != null) {
                c.record("relu", () -> forward(a, y), out, x);
            }
            return Node.recording(x) ? Node.attach(out, new Relu(x)) : out;
        }
        double[] a = x.data;
        double[] y = new double[a.length];
        forward(a, y);
        Tensor out = new Tensor(y, x.shape, x.dtype);
        if (c != null) {
            c.record("relu", () -> forward(a, y), out, x);
        }
        return Node.recording(x) ? Node.attach(out, new Relu(x)) : out;
    }

    private static void forward(float[] a, float[] y) {
        if (Parallel.worthSplitting(a.length)) {
            Parallel.forRange(a.length, (from, to) -> forward(a, y, from, to));
        } else {
            forward(a, y, 0, a.length);
        }
    }

    /** The loop over {@code [from, to)}: elementwise, so split over threads it gives the one-thread result. */
    private static void forward(float[] a, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = Math.max(a[i], 0f);
        }
    }

    private static void forward(double[] a, double[] y) {
        if (Parallel.worthSplitting(a.length)) {
            Parallel.forRange(a.length, (from, to) -> forward(a, y, from, to));
        } else {
            forward(a, y, 0, a.length);
        }
    }

    /** The loop over {@code [from, to)}: elementwise, so split over threads it gives the one-thread result. */
    private static void forward(double[] a, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = Math.max(a[i], 0.0);
        }
    }

    @Override
    boolean savesOutput() {
        return true;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.mul(Recorded.map("relu mask", inputs[0], v -> v > 0 ? 1.0 : 0.0))};
    }

    @Override
    Tensor[] backwardFirstOrder(Tensor gradOut) {
        return new Tensor[] {Recorded.gradient("relu backward", gradOut, out, inputs[0].shape, Relu::gradient,
                Relu::gradient)};
    }

    private static void gradient(float[] g, float[] y, float[] d) {
        if (Parallel.worthSplitting(d.length)) {
            Parallel.forRange(d.length, (from, to) -> gradient(g, y, d, from, to));
        } else {
            gradient(g, y, d, 0, d.length);
        }
    }

    /** The loop over {@code [from, to)}: elementwise, so split over threads it gives the one-thread result. */
    private static void gradient(float[] g, float[] y, float[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            // As below, in two steps: float's range ends at 2^127, and the smallest subnormal is 2^-149.
            d[i] = g[i] * Math.min(y[i] * 0x1p100f * 0x1p49f, 1f);
        }
    }

    private static void gradient(double[] g, double[] y, double[] d) {
        if (Parallel.worthSplitting(d.length)) {
            Parallel.forRange(d.length, (from, to) -> gradient(g, y, d, from, to));
        } else {
            gradient(g, y, d, 0, d.length);
        }
    }

    /** The loop over {@code [from, to)}: elementwise, so split over threads it gives the one-thread result. */
    private static void gradient(double[] g, double[] y, double[] d, int from, int to) {
        for (int i = from; i < to; i++) {
            // y >= 0; scaling by 2^2046 sends any positive y, subnormals included, past 1, and keeps 0 at 0.
            d[i] = g[i] * Math.min(y[i] * 0x1p1023 * 0x1p1023, 1.0);
        }
    }
}
