package org.autograd4j.core;

/**
 * NumPy broadcasting, in one place: the result shape of an elementwise op, and {@link #sumToShape}, the reduction the
 * backward walk applies when a gradient arrives with a broadcast shape.
 */
final class Broadcasting {
    private Broadcasting() {
    }

    /** The broadcast shape of two operands: dimensions aligned from the right must be equal or 1. */
    static int[] shape(String op, int[] x, int[] y) {
        if (java.util.Arrays.equals(x, y)) {
            return x;
        }
        int rank = Math.max(x.length, y.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int dx = i < rank - x.length ? 1 : x[i - (rank - x.length)];
            int dy = i < rank - y.length ? 1 : y[i - (rank - y.length)];
            if (dx != dy && dx != 1 && dy != 1) {
                throw new IllegalArgumentException(op + ": shapes " + Shapes.str(x) + " and " + Shapes.str(y)
                        + " cannot broadcast");
            }
            out[i] = dx == 1 ? dy : dx;
        }
        Shapes.checkSize(op, out, "result shape");
        return out;
    }

    /** Whether {@code from} broadcasts to exactly {@code to} (the target is not changed). */
    static boolean broadcastsTo(int[] from, int[] to) {
        if (from.length > to.length) {
            return false;
        }
        int lead = to.length - from.length;
        for (int i = 0; i < from.length; i++) {
            if (from[i] != 1 && from[i] != to[lead + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Strides for reading an operand of shape {@code shape} as if it had the broadcast shape {@code out}: 0 on axes the
     * operand lacks or has as 1.
     */
    static int[] strides(int[] shape, int[] out) {
        int[] own = Shapes.strides(shape);
        int[] s = new int[out.length];
        int lead = out.length - shape.length;
        for (int i = lead; i < out.length; i++) {
            s[i] = shape[i - lead] == 1 && out[i] != 1 ? 0 : own[i - lead];
        }
        return s;
    }

    /**
     * Sums a gradient of a broadcast shape back to the shape of the input it belongs to. Written with tensor ops, so it
     * is differentiable when the backward pass builds a graph.
     */
    static Tensor sumToShape(Tensor grad, int[] shape) {
        int[] g = grad.shape;
        if (!broadcastsTo(shape, g)) {
            throw new IllegalStateException("backward: gradient of shape " + Shapes.str(g)
                    + " cannot be reduced to its input's shape " + Shapes.str(shape)
                    + " (this is a bug in autograd4j)");
        }
        int lead = g.length - shape.length;
        int count = 0;
        int[] axes = new int[g.length];
        for (int i = 0; i < g.length; i++) {
            if (i < lead || (shape[i - lead] == 1 && g[i] != 1)) {
                axes[count++] = i;
            }
        }
        Tensor reduced = count == 0 ? grad : Sum.apply(grad, java.util.Arrays.copyOf(axes, count), true);
        return java.util.Arrays.equals(reduced.shape, shape) ? reduced : Reshape.apply(reduced, shape);
    }
}
