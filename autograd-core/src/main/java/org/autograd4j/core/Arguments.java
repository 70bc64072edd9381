package org.autograd4j.core;

import java.util.Arrays;

/**
 * Argument checks and resolution shared by the ops of PyTorch parity, part 2: sets of axes, masks, index tensors.
 * Every message names the op, the problem and the values.
 */
final class Arguments {
    private Arguments() {
    }

    /**
     * Resolves a set of axes against a rank: negative axes count from the end, the result is ascending. A 0-d tensor
     * takes axis 0 or -1, as in PyTorch, and then nothing is reduced (the result is empty).
     *
     * @throws IllegalArgumentException if the set is null or empty, an axis is out of range, or one repeats
     */
    static int[] axes(String op, int[] axes, int rank) {
        if (axes == null || axes.length == 0) {
            throw new IllegalArgumentException(op + ": axes must name at least one axis, got "
                    + Arrays.toString(axes) + " (reduce over all elements without axes)");
        }
        if (rank == 0) {
            for (int a : axes) {
                scalarAxis(op, a);
            }
            return new int[0];
        }
        int[] out = new int[axes.length];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < axes.length; i++) {
            int a = Shapes.axis(op, axes[i], rank);
            if (seen[a]) {
                throw new IllegalArgumentException(op + ": axis " + axes[i] + " appears twice in "
                        + Arrays.toString(axes) + " for a tensor of rank " + rank);
            }
            seen[a] = true;
            out[i] = a;
        }
        Arrays.sort(out);
        return out;
    }

    /** The one axis of a 0-d tensor is 0 or -1, as in PyTorch. */
    static void scalarAxis(String op, int axis) {
        if (axis != 0 && axis != -1) {
            throw new IllegalArgumentException(op + ": axis " + axis
                    + " is out of range for a tensor of rank 0 (0 or -1 name its one element)");
        }
    }

    /** One axis: as {@link Shapes#axis}, but a 0-d tensor takes 0 or -1 too (returned as 0). */
    static int axis(String op, int axis, int rank) {
        if (rank == 0) {
            scalarAxis(op, axis);
            return 0;
        }
        return Shapes.axis(op, axis, rank);
    }

    /** The number of elements that a reduction over {@code axes} (resolved) combines. */
    static int count(int[] shape, int[] axes) {
        int n = 1;
        for (int a : axes) {
            n *= shape[a];
        }
        return n;
    }

    /** The shape with the axes in {@code axes} (resolved) set to 1 or removed. */
    static int[] reduced(int[] shape, int[] axes, boolean keepDims) {
        int[] kept = shape.clone();
        for (int a : axes) {
            kept[a] = -1;
        }
        return keepDims ? Arrays.stream(kept).map(d -> d < 0 ? 1 : d).toArray()
                : Arrays.stream(kept).filter(d -> d >= 0).toArray();
    }

    /** A mask must broadcast with the target's shape; the result may grow, as PyTorch's masked_fill's does. */
    static Tensor mask(String op, Tensor mask, int[] shape) {
        if (mask == null) {
            throw new IllegalArgumentException(op + ": mask must not be null");
        }
        Broadcasting.shape(op, mask.shape, shape);
        return mask;
    }

    /**
     * For each element of a tensor of {@code shape}, in row-major order, the flat position it reduces into in the
     * result of shape {@code kept} (the reduced axes at size 1).
     */
    static int[] reductionTargets(int[] shape, int[] kept) {
        int n = Shapes.size(shape);
        int[] targets = new int[n];
        int rank = shape.length;
        int[] s = Broadcasting.strides(kept, shape);
        int[] idx = new int[rank];
        int p = 0;
        for (int e = 0; e < n; e++) {
            targets[e] = p;
            for (int d = rank - 1; d >= 0; d--) {
                p += s[d];
                if (++idx[d] < shape[d]) {
                    break;
                }
                p -= s[d] * shape[d];
                idx[d] = 0;
            }
        }
        return targets;
    }

    /**
     * An op along one axis applied to a 0-d tensor, as PyTorch allows (axis 0 or -1): {@code f} runs on the one
     * element as a tensor of shape [1] along axis 0, and the result is 0-d again.
     */
    static Tensor onScalar(String op, Tensor x, int axis, java.util.function.UnaryOperator<Tensor> f) {
        scalarAxis(op, axis);
        return Reshape.apply(f.apply(Reshape.apply(x, new int[] {1})), Shapes.SCALAR);
    }
}
