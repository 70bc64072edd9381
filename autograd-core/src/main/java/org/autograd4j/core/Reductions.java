package org.autograd4j.core;

/**
 * Reductions written as other ops (composites, no backward of their own): mean, variance and standard deviation, and
 * the choice of norm by p. They resolve the axes once and name themselves in every message.
 */
final class Reductions {
    private Reductions() {
    }

    /** The axes to reduce: every axis when {@code axes} is null, else the given ones resolved. */
    static int[] resolve(String op, Tensor x, int[] axes) {
        return axes == null ? Sum.allAxes(x.shape.length) : Arguments.axes(op, axes, x.shape.length);
    }

    static Tensor mean(Tensor x, int[] axes, boolean keepDims) {
        int[] a = resolve("mean", x, axes);
        return Sum.apply(x, a, keepDims).mul(1.0 / Arguments.count(x.shape, a));
    }

    /**
     * {@code Σ (x - mean)² / max(0, n - correction)} over the axes, as PyTorch: with the default correction 1 (Bessel)
     * a single element gives NaN (0/0), and a correction at or past n gives inf or NaN rather than an error.
     */
    static Tensor var(String op, Tensor x, int[] axes, double correction, boolean keepDims) {
        if (!(correction >= 0) || Double.isInfinite(correction)) {
            throw new IllegalArgumentException(op + ": correction must be finite and >= 0, got " + correction);
        }
        int[] a = resolve(op, x, axes);
        int n = Arguments.count(x.shape, a);
        Tensor centred = x.sub(Sum.apply(x, a, true).mul(1.0 / n));
        return Sum.apply(centred.mul(centred), a, keepDims).mul(1.0 / Math.max(0.0, n - correction));
    }

    /**
     * {@code log Σ exp(x)} over a set of axes: they are moved last and merged into one, for {@link LogSumExp} (stable
     * for large values, gradient {@code softmax}).
     */
    static Tensor logSumExp(Tensor x, int[] axes, boolean keepDims) {
        int[] a = Arguments.axes("logSumExp", axes, x.shape.length);
        int rank = x.shape.length;
        int[] kept = Arguments.reduced(x.shape, a, false);
        int[] perm = new int[rank];
        boolean[] reduced = new boolean[rank];
        for (int d : a) {
            reduced[d] = true;
        }
        int k = 0;
        for (int d = 0; d < rank; d++) {
            if (!reduced[d]) {
                perm[k++] = d;
            }
        }
        for (int d : a) {
            perm[k++] = d;
        }
        Tensor moved = java.util.Arrays.equals(perm, Sum.allAxes(rank)) ? x : Permute.apply(x, perm);
        int[] merged = java.util.Arrays.copyOf(kept, kept.length + 1);
        merged[kept.length] = Arguments.count(x.shape, a);
        Tensor out = LogSumExp.apply(Reshape.apply(moved, merged), kept.length, false);
        return Reshape.apply(out, Arguments.reduced(x.shape, a, keepDims));
    }

    /**
     * The p-norm over the axes: p = 2 (the Euclidean norm, the Frobenius norm over a matrix's two axes), 1 (sum of
     * absolute values) or infinity (largest absolute value; ties share the gradient, as PyTorch). At the zero vector
     * every gradient is 0, as PyTorch's.
     */
    static Tensor norm(Tensor x, double p, int[] axes, boolean keepDims) {
        int[] a = resolve("norm", x, axes);
        if (p == 2.0) {
            return Norm.apply(x, a, keepDims);
        }
        if (p == 1.0) {
            return Sum.apply(x.abs(), a, keepDims);
        }
        if (p == Double.POSITIVE_INFINITY) {
            return Amax.apply(x.abs(), a, keepDims, false);
        }
        throw new IllegalArgumentException("norm: p must be 1, 2 or infinity, got " + p);
    }
}
