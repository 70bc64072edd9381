package org.autograd4j.core;

import org.autograd4j.core.backend.Parallel;

/**
 * The shapes of kernel that most ops share, run once eagerly and recorded when a step is being captured (see
 * {@link Capture}): a unary function computed in double, and a gradient computed from the incoming gradient and one
 * saved tensor. The kernels are static methods of the ops (non-capturing method references), so eager execution
 * allocates nothing more than before, and a replay runs the very loop eager execution ran.
 */
final class Recorded {
    private Recorded() {
    }

    /** {@code out[i] = f(in[i])} over whole arrays. */
    @FunctionalInterface
    interface Unary {
        void run(double[] in, double[] out);
    }

    /** A gradient loop in double: {@code d} from the incoming gradient {@code g} and a saved tensor {@code s}. */
    @FunctionalInterface
    interface Gradient {
        void run(double[] g, double[] s, double[] d);
    }

    /** The float twin of {@link Gradient}. */
    @FunctionalInterface
    interface FloatGradient {
        void run(float[] g, float[] s, float[] d);
    }

    /**
     * {@code f} of every element of {@code x}, in {@code x}'s dtype: computed in double and rounded once for FLOAT32
     * (see {@link Kernels#narrow}, "conversion loops").
     */
    static Tensor unary(String op, Tensor x, Unary f) {
        return map(op, x, x.shape, f);
    }

    /**
     * {@code f} of every element, in {@code x}'s dtype, as {@link #unary}: for ops whose function is a lambda (one call
     * per element, as {@link Kernels#map} always made).
     */
    static Tensor map(String op, Tensor x, java.util.function.DoubleUnaryOperator f) {
        return map(op, x, x.shape, (a, y) -> {
            for (int i = 0; i < a.length; i++) {
                y[i] = f.applyAsDouble(a[i]);
            }
        });
    }

    /** Like {@link #unary}, for a kernel whose result has another shape (a broadcast). */
    static Tensor map(String op, Tensor x, int[] shape, Unary f) {
        return map(op, x, shape, x.dtype, f);
    }

    /**
     * Like {@link #unary}, for a kernel whose result has another shape and type. The kernel reads {@code x} in double:
     * its own array, or a widened copy refreshed by each replay.
     */
    static Tensor map(String op, Tensor x, int[] shape, DType type, Unary f) {
        double[] y = new double[Shapes.size(shape)];
        float[] src = x.fdata;
        double[] a = src != null ? Kernels.widen(src) : x.data;
        f.run(a, y);
        Tensor out = new Tensor(y, shape, type);
        Capture c = Capture.current();
        if (c != null) {
            float[] dst = out.fdata;
            c.record(op, () -> {
                if (src != null) {
                    widen(src, a);
                }
                f.run(a, y);
                if (dst != null) {
                    narrow(y, dst);
                }
            }, out, x);
        }
        return out;
    }

    /**
     * A first-order gradient from {@code g} and the saved {@code s}: in float when both are FLOAT32, otherwise in
     * double, in {@code g}'s dtype.
     */
    static Tensor gradient(String op, Tensor g, Tensor s, int[] shape, FloatGradient ff, Gradient f) {
        if (g.fdata != null && s.fdata != null) {
            float[] gs = g.fdata;
            float[] ss = s.fdata;
            float[] d = new float[ss.length];
            ff.run(gs, ss, d);
            Tensor out = new Tensor(d, shape);
            Capture c = Capture.current();
            if (c != null) {
                c.record(op, () -> ff.run(gs, ss, d), out, g, s);
            }
            return out;
        }
        if (g.data == null || s.data == null) {
            Capture.refuse(op, "with a FLOAT32 gradient of a FLOAT64 tensor, or the reverse");
        }
        double[] gs = g.values();
        double[] ss = s.values();
        double[] d = new double[ss.length];
        f.run(gs, ss, d);
        Tensor out = new Tensor(d, shape, g.dtype);
        Capture c = Capture.current();
        if (c != null) {
            c.record(op, () -> f.run(gs, ss, d), out, g, s);
        }
        return out;
    }

    /**
     * {@code f(x, y)} elementwise at the broadcast shape {@code shape}, in double, stored as {@code type}: both
     * operands read in double (widened copies refreshed by each replay).
     */
    static Tensor zip(String op, Tensor x, Tensor y, int[] shape, DType type,
            java.util.function.DoubleBinaryOperator f) {
        float[] xf = x.fdata;
        float[] yf = y.fdata;
        double[] a = xf != null ? Kernels.widen(xf) : x.data;
        double[] b = yf != null ? Kernels.widen(yf) : y.data;
        double[] z = new double[Shapes.size(shape)];
        int[] xs = x.shape;
        int[] ys = y.shape;
        Kernels.zip(a, xs, b, ys, shape, z, f);
        Tensor out = new Tensor(z, shape, type);
        Capture c = Capture.current();
        if (c != null) {
            float[] dst = out.fdata;
            c.record(op, () -> {
                if (xf != null) {
                    widen(xf, a);
                }
                if (yf != null) {
                    widen(yf, b);
                }
                Kernels.zip(a, xs, b, ys, shape, z, f);
                if (dst != null) {
                    narrow(z, dst);
                }
            }, out, x, y);
        }
        return out;
    }

    /** Widens {@code src} into {@code dst} (a replay's reused buffer; see {@link Kernels#widen}). */
    static void widen(float[] src, double[] dst) {
        if (Parallel.worthSplitting(dst.length)) {
            Parallel.forRange(dst.length, (from, to) -> widen(src, dst, from, to));
        } else {
            widen(src, dst, 0, dst.length);
        }
    }

    /** The loop over {@code [from, to)}: elementwise, so split over threads it gives the one-thread result. */
    private static void widen(float[] src, double[] dst, int from, int to) {
        for (int i = from; i < to; i++) {
            dst[i] = src[i];
        }
    }

    /** Rounds {@code src} into {@code dst} (a replay's reused buffer; see {@link Kernels#narrow}). */
    static void narrow(double[] src, float[] dst) {
        if (Parallel.worthSplitting(dst.length)) {
            Parallel.forRange(dst.length, (from, to) -> narrow(src, dst, from, to));
        } else {
            narrow(src, dst, 0, dst.length);
        }
    }

    /** The loop over {@code [from, to)}: elementwise, so split over threads it gives the one-thread result. */
    private static void narrow(double[] src, float[] dst, int from, int to) {
        for (int i = from; i < to; i++) {
            dst[i] = (float) src[i];
        }
    }
}
