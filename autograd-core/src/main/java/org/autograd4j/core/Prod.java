package org.autograd4j.core;

/**
 * The product of each row of a 2-D tensor: {@code d/dx_i Π x = Π_{j≠i} x_j}, the exclusive product
 * ({@link ExclusiveProd}), which is right where some x are 0 (the {@code Π x / x_i} of the textbook is 0/0 there).
 * Products over any set of axes move those axes last and flatten them into the rows ({@link #overAxes}).
 */
final class Prod extends Node {
    private Prod(Tensor x) {
        super(x);
    }

    /** The product over {@code axes} (resolved, ascending; empty for a 0-d tensor). */
    static Tensor overAxes(Tensor x, int[] axes, boolean keepDims) {
        int rank = x.shape.length;
        int[] perm = new int[rank];
        boolean[] reduced = new boolean[rank];
        for (int a : axes) {
            reduced[a] = true;
        }
        int k = 0;
        for (int d = 0; d < rank; d++) {
            if (!reduced[d]) {
                perm[k++] = d;
            }
        }
        for (int a : axes) {
            perm[k++] = a;
        }
        int n = Arguments.count(x.shape, axes);
        Tensor moved = java.util.Arrays.equals(perm, Sum.allAxes(rank)) ? x : Permute.apply(x, perm);
        int m = Shapes.size(Arguments.reduced(x.shape, axes, false));
        Tensor rows = apply(Reshape.apply(moved, new int[] {m, n}));
        return Reshape.apply(rows, Arguments.reduced(x.shape, axes, keepDims));
    }

    /** The product of each row of a 2-D tensor {@code [m, n]}, shape {@code [m]}. */
    static Tensor apply(Tensor x) {
        int m = x.shape[0];
        int n = x.shape[1];
        double[] v = x.values();
        double[] out = new double[m];
        for (int r = 0; r < m; r++) {
            double p = 1.0;
            for (int j = 0; j < n; j++) {
                p *= v[r * n + j];
            }
            out[r] = p;
        }
        Tensor result = new Tensor(out, new int[] {m}, x.dtype);
        return Node.recording(x) ? Node.attach(result, new Prod(x)) : result;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {Reshape.apply(gradOut, new int[] {gradOut.length(), 1})
                .mul(ExclusiveProd.apply(inputs[0]))};
    }
}
