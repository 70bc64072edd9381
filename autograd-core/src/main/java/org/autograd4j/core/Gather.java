package org.autograd4j.core;

/**
 * Values picked along an axis by an index tensor (PyTorch's {@code gather}): the gradient is scattered back into the
 * picked places and summed where a place was picked twice ({@link ScatterAdd}).
 */
final class Gather extends Node {
    private final int axis;
    private final int[] index;
    private final int[] indexShape;

    private Gather(Tensor x, int axis, int[] index, int[] indexShape) {
        super(x);
        this.axis = axis;
        this.index = index;
        this.indexShape = indexShape;
    }

    static Tensor apply(Tensor x, int axis, Tensor indices) {
        int rank = x.shape.length;
        if (indices.shape.length != rank) {
            throw new IllegalArgumentException("gather: indices have shape " + Shapes.str(indices.shape)
                    + " but the input has shape " + Shapes.str(x.shape) + "; the ranks must agree");
        }
        // a 0-d tensor is gathered along its one implicit axis: 0 or -1, as in PyTorch
        int a = rank == 0 && (axis == 0 || axis == -1) ? 0 : Shapes.axis("gather", axis, rank);
        for (int d = 0; d < rank; d++) {
            if (d != a && indices.shape[d] > x.shape[d]) {
                throw new IllegalArgumentException("gather: indices of shape " + Shapes.str(indices.shape)
                        + " exceed the input's shape " + Shapes.str(x.shape) + " along axis " + d);
            }
        }
        int n = rank == 0 ? 1 : x.shape[a];
        int[] idx = new int[indices.length()];
        for (int i = 0; i < idx.length; i++) {
            double v = indices.at(i);
            if (v != Math.rint(v) || v < 0 || v >= n) {
                throw new IllegalArgumentException("gather: index " + v + " at position " + i
                        + " is not a whole number in [0, " + n + ") for axis " + axis + " of shape "
                        + Shapes.str(x.shape));
            }
            idx[i] = (int) v;
        }
        return apply(x, a, idx, indices.shape);
    }

    static Tensor apply(Tensor x, int axis, int[] index, int[] indexShape) {
        double[] out = new double[index.length];
        int[] offsets = sourceOffsets(x.shape, axis, index, indexShape);
        for (int i = 0; i < out.length; i++) {
            out[i] = x.at(offsets[i]);
        }
        Tensor result = new Tensor(out, indexShape, x.dtype);
        return Node.recording(x) ? Node.attach(result, new Gather(x, axis, index, indexShape)) : result;
    }

    /** For each index position, the offset it reads in a tensor of {@code shape}. */
    static int[] sourceOffsets(int[] shape, int axis, int[] index, int[] indexShape) {
        int rank = shape.length;
        int[] strides = Shapes.strides(shape);
        int[] offsets = new int[index.length];
        int[] pos = new int[rank];
        for (int i = 0; i < index.length; i++) {
            int off = 0;
            for (int d = 0; d < rank; d++) {
                off += (d == axis ? index[i] : pos[d]) * strides[d];
            }
            offsets[i] = off;
            for (int d = rank - 1; d >= 0; d--) {
                if (++pos[d] < indexShape[d]) {
                    break;
                }
                pos[d] = 0;
            }
        }
        return offsets;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {ScatterAdd.apply(gradOut, axis, index, inputs[0].shape)};
    }
}
