package org.autograd4j.core;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Plain-Java reference semantics (NumPy's) for the forward checks: index arithmetic on multi-indices, written without
 * the engine's kernels, strides or fast paths, so that both must agree rather than share a bug.
 */
final class Ref {
    private Ref() {
    }

    /** An expected result: shape and row-major values. */
    record Expected(int[] shape, double[] data) {
    }

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The multi-index of row-major position {@code flat}. */
    static int[] unravel(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return idx;
    }

    static int ravel(int[] idx, int[] shape) {
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            flat = flat * shape[d] + idx[d];
        }
        return flat;
    }

    /** NumPy's broadcast shape. */
    static int[] broadcastShape(int[]... shapes) {
        int rank = 0;
        for (int[] s : shapes) {
            rank = Math.max(rank, s.length);
        }
        int[] out = new int[rank];
        java.util.Arrays.fill(out, 1);
        for (int[] s : shapes) {
            for (int i = 0; i < s.length; i++) {
                int d = rank - s.length + i;
                if (s[i] != 1) {
                    out[d] = s[i];
                }
            }
        }
        return out;
    }

    /** The element of {@code t} that broadcasting reads at multi-index {@code idx} of a (larger) result. */
    static double at(Tensor t, int[] idx) {
        int lead = idx.length - t.shape.length;
        int[] own = new int[t.shape.length];
        for (int i = 0; i < own.length; i++) {
            own[i] = t.shape[i] == 1 ? 0 : idx[lead + i];
        }
        return t.at(ravel(own, t.shape));
    }

    static Expected map(Tensor x, DoubleUnaryOperator f) {
        double[] out = new double[x.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(x.at(i));
        }
        return new Expected(x.shape.clone(), out);
    }

    static Expected zip(Tensor x, Tensor y, DoubleBinaryOperator f) {
        int[] shape = broadcastShape(x.shape, y.shape);
        double[] out = new double[size(shape)];
        for (int i = 0; i < out.length; i++) {
            int[] idx = unravel(i, shape);
            out[i] = f.applyAsDouble(at(x, idx), at(y, idx));
        }
        return new Expected(shape, out);
    }

    /** Replaces each lane along {@code axis} by {@code f(lane)}, keeping the axis with size 1 or dropping it. */
    static Expected reduce(Tensor x, int axis, boolean keepDim, ToDoubleFunction<double[]> f) {
        int[] kept = x.shape.clone();
        kept[axis] = 1;
        double[] out = new double[size(kept)];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(lane(x, axis, unravel(i, kept)));
        }
        return new Expected(keepDim ? kept : Shapes.without(x.shape, axis), out);
    }

    /** The values along {@code axis} through multi-index {@code idx} (whose {@code axis} entry is ignored). */
    static double[] lane(Tensor x, int axis, int[] idx) {
        int[] p = idx.clone();
        double[] lane = new double[x.shape[axis]];
        for (int j = 0; j < lane.length; j++) {
            p[axis] = j;
            lane[j] = x.at(ravel(p, x.shape));
        }
        return lane;
    }

    static double sum(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a;
        }
        return s;
    }

    /** log Σ exp, computed naively (the tests keep values small). */
    static double logSumExp(double[] v) {
        double s = 0;
        for (double a : v) {
            s += Math.exp(a);
        }
        return Math.log(s);
    }
}
