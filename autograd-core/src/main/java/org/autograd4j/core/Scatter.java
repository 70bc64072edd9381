package org.autograd4j.core;

/**
 * PyTorch's {@code scatter} and {@code scatter_add} along an axis, as composites of {@link ScatterAdd} (whose adjoint
 * is {@link Gather}): for a 2-D input and axis 0, {@code out[index[i][j]][j] = src[i][j]} (or {@code +=}). Where an
 * index repeats, scatter keeps the last write; only that element of {@code src} gets a gradient (PyTorch, whose order
 * of writes is unspecified there, gives every duplicate one), and the overwritten places of the input get none.
 */
final class Scatter {
    private Scatter() {
    }

    static Tensor scatter(Tensor x, int axis, Tensor index, Tensor src) {
        int a = Arguments.axis("scatter", axis, x.shape.length);
        int[] idx = check("scatter", x, axis, index, src);
        int[] offsets = Gather.sourceOffsets(x.shape, a, idx, index.shape);
        int[] last = new int[x.length()];
        java.util.Arrays.fill(last, -1);
        for (int i = 0; i < offsets.length; i++) {
            last[offsets[i]] = i;
        }
        double[] keep = new double[last.length];
        for (int p = 0; p < last.length; p++) {
            keep[p] = last[p] < 0 ? 1.0 : 0.0;
        }
        double[] wins = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            wins[i] = last[offsets[i]] == i ? 1.0 : 0.0;
        }
        Tensor written = fit(src, index.shape).mul(new Tensor(wins, index.shape, src.dtype));
        return x.mul(new Tensor(keep, x.shape, x.dtype)).add(ScatterAdd.apply(written, a, idx, x.shape));
    }

    static Tensor scatterAdd(Tensor x, int axis, Tensor index, Tensor src) {
        int a = Arguments.axis("scatterAdd", axis, x.shape.length);
        int[] idx = check("scatterAdd", x, axis, index, src);
        return x.add(ScatterAdd.apply(fit(src, index.shape), a, idx, x.shape));
    }

    /** The leading block of {@code src} of the index's shape: only those elements are scattered, as in PyTorch. */
    private static Tensor fit(Tensor src, int[] shape) {
        Tensor s = src;
        for (int d = 0; d < shape.length; d++) {
            if (s.shape[d] != shape[d]) {
                s = Slice.apply(s, d, 0, shape[d]);
            }
        }
        return s;
    }

    /** PyTorch's rules: one rank for all three, the index no larger than src, nor than the input off the axis. */
    private static int[] check(String op, Tensor x, int axis, Tensor index, Tensor src) {
        int rank = x.shape.length;
        if (index.shape.length != rank || src.shape.length != rank) {
            throw new IllegalArgumentException(op + ": input " + Shapes.str(x.shape) + ", index "
                    + Shapes.str(index.shape) + " and src " + Shapes.str(src.shape) + " must have the same rank");
        }
        int a = Arguments.axis(op, axis, rank);
        for (int d = 0; d < rank; d++) {
            if (index.shape[d] > src.shape[d] || (d != a && index.shape[d] > x.shape[d])) {
                throw new IllegalArgumentException(op + ": index of shape " + Shapes.str(index.shape)
                        + " is larger than src " + Shapes.str(src.shape) + " or, off axis " + axis
                        + ", than the input " + Shapes.str(x.shape) + " (axis " + d + ")");
            }
        }
        int n = rank == 0 ? 1 : x.shape[a];
        int[] idx = new int[index.length()];
        for (int i = 0; i < idx.length; i++) {
            double v = index.at(i);
            if (v != Math.rint(v) || v < 0 || v >= n) {
                throw new IllegalArgumentException(op + ": index " + v + " at position " + i
                        + " is not a whole number in [0, " + n + ") for axis " + axis + " of shape "
                        + Shapes.str(x.shape));
            }
            idx[i] = (int) v;
        }
        return idx;
    }
}
