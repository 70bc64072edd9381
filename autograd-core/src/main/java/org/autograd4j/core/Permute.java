package org.autograd4j.core;

/** Reordered axes (transpose is one case): the gradient is permuted back by the inverse permutation. */
final class Permute extends Node {
    private final int[] perm;

    private Permute(Tensor x, int[] perm) {
        super(x);
        this.perm = perm;
    }

    static Tensor apply(Tensor x, int[] perm) {
        int rank = perm.length;
        int[] shape = new int[rank];
        int[] srcStrides = Shapes.strides(x.shape);
        int[] s = new int[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = x.shape[perm[i]];
            s[i] = srcStrides[perm[i]];
        }
        double[] src = x.values();
        double[] out = new double[src.length];
        if (rank == 2) {
            int n = shape[0];
            int m = shape[1];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    out[i * m + j] = src[i * s[0] + j * s[1]];
                }
            }
        } else if (out.length > 0) {
            Kernels.gather(src, s, shape, out);
        }
        Tensor result = new Tensor(out, shape, x.dtype);
        return Node.recording(x) ? Node.attach(result, new Permute(x, perm)) : result;
    }

    /** Checks that {@code axes} is a permutation of the axes of a tensor of rank {@code rank}. */
    static int[] check(int[] axes, int rank) {
        if (axes.length != rank) {
            throw new IllegalArgumentException("permute: needs " + rank + " axes, got "
                    + java.util.Arrays.toString(axes));
        }
        int[] perm = new int[rank];
        boolean[] used = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = Shapes.axis("permute", axes[i], rank);
            if (used[perm[i]]) {
                throw new IllegalArgumentException("permute: axis " + axes[i] + " repeated in "
                        + java.util.Arrays.toString(axes));
            }
            used[perm[i]] = true;
        }
        return perm;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        int[] inverse = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inverse[perm[i]] = i;
        }
        return new Tensor[] {apply(gradOut, inverse)};
    }
}
