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
        readIndices(indices, n, axis, x.shape, idx);
        Capture c = Capture.current();
        if (c != null) {
            // the positions are read again on every replay, into the array this op's kernel and its backward read
            c.recordEffect("gather indices", () -> readIndices(indices, n, axis, x.shape, idx), indices);
            c.liveIndex(idx);
        }
        return apply(x, a, idx, indices.shape);
    }

    /** Reads whole-number positions in [0, n) from {@code indices} into {@code idx}, refusing any other value. */
    private static void readIndices(Tensor indices, int n, int axis, int[] shape, int[] idx) {
        for (int i = 0; i < idx.length; i++) {
            double v = indices.at(i);
            if (v != Math.rint(v) || v < 0 || v >= n) {
                throw new IllegalArgumentException("gather: index " + v + " at position " + i
                        + " is not a whole number in [0, " + n + ") for axis " + axis + " of shape "
                        + Shapes.str(shape));
            }
            idx[i] = (int) v;
        }
    }

    static Tensor apply(Tensor x, int axis, int[] index, int[] indexShape) {
        int[] shape = x.shape;
        Object src = x.storage();
        if (shape.length > 0 && axis == shape.length - 1 && sameLeading(shape, indexShape)) {
            return applyLastAxis(x, src, shape[axis], indexShape[axis], index, indexShape);
        }
        double[] out = new double[index.length];
        int[] offsets = new int[index.length];
        pick(src, shape, axis, index, indexShape, offsets, out);
        Tensor result = new Tensor(out, indexShape, x.dtype);
        Capture c = Capture.current();
        if (c != null) {
            c.checkIndex("gather", index);
            float[] dst = result.fdata;
            c.record("gather", () -> {
                pick(src, shape, axis, index, indexShape, offsets, out);
                if (dst != null) {
                    Recorded.narrow(out, dst);
                }
            }, result, x);
        }
        return Node.recording(x) ? Node.attach(result, new Gather(x, axis, index, indexShape)) : result;
    }

    /**
     * The gather along the last axis with the input's leading shape (cross-entropy's pick of each row's label), in the
     * input's own storage type: one loop from the row's start plus the index, no offsets array and, for FLOAT32, no
     * double buffer to narrow from (a copy of the values picked, so exact either way). In the replayed {@code tiny}
     * step the general path took 0.32 µs for 100 labels.
     */
    private static Tensor applyLastAxis(Tensor x, Object src, int rowLength, int perRow, int[] index,
            int[] indexShape) {
        Object out = Tensor.alloc(x.dtype, index.length);
        pickLastAxis(src, rowLength, perRow, index, out);
        Tensor result = Tensor.over(out, indexShape, x.dtype);
        Capture c = Capture.current();
        if (c != null) {
            c.checkIndex("gather", index);
            c.record("gather", () -> pickLastAxis(src, rowLength, perRow, index, out), result, x);
        }
        return Node.recording(x) ? Node.attach(result, new Gather(x, x.shape.length - 1, index, indexShape)) : result;
    }

    /** {@code out[i] = src[row start + index[i]]}, {@code perRow} picks from each row of {@code rowLength}. */
    private static void pickLastAxis(Object src, int rowLength, int perRow, int[] index, Object out) {
        if (perRow == 1) {
            pickOnePerRow(src, rowLength, index, out);
        } else if (src instanceof float[] f) {
            float[] o = (float[]) out;
            for (int i = 0, start = 0; i < o.length; start += rowLength) {
                for (int j = 0; j < perRow; j++, i++) {
                    o[i] = f[start + index[i]];
                }
            }
        } else {
            double[] d = (double[]) src;
            double[] o = (double[]) out;
            for (int i = 0, start = 0; i < o.length; start += rowLength) {
                for (int j = 0; j < perRow; j++, i++) {
                    o[i] = d[start + index[i]];
                }
            }
        }
    }

    private static void pick(Object src, int[] shape, int axis, int[] index, int[] indexShape, int[] offsets,
            double[] out) {
        sourceOffsets(shape, axis, index, indexShape, offsets);
        if (src instanceof float[] f) {
            for (int i = 0; i < out.length; i++) {
                out[i] = f[offsets[i]];
            }
        } else {
            double[] d = (double[]) src;
            for (int i = 0; i < out.length; i++) {
                out[i] = d[offsets[i]];
            }
        }
    }

    /** {@link #pickLastAxis} with one pick per row, the common case: a flat loop, no inner loop of one iteration. */
    private static void pickOnePerRow(Object src, int rowLength, int[] index, Object out) {
        if (src instanceof float[] f) {
            float[] o = (float[]) out;
            for (int i = 0; i < o.length; i++) {
                o[i] = f[i * rowLength + index[i]];
            }
        } else {
            double[] d = (double[]) src;
            double[] o = (double[]) out;
            for (int i = 0; i < o.length; i++) {
                o[i] = d[i * rowLength + index[i]];
            }
        }
    }

    /** For each index position, the offset it reads in a tensor of {@code shape}. */
    static int[] sourceOffsets(int[] shape, int axis, int[] index, int[] indexShape) {
        int[] offsets = new int[index.length];
        sourceOffsets(shape, axis, index, indexShape, offsets);
        return offsets;
    }

    /** {@link #sourceOffsets(int[], int, int[], int[])} into {@code offsets}. */
    static void sourceOffsets(int[] shape, int axis, int[] index, int[] indexShape, int[] offsets) {
        int rank = shape.length;
        if (rank > 0 && axis == rank - 1 && sameLeading(shape, indexShape)) {
            lastAxisOffsets(shape[axis], index, indexShape[axis], offsets);
            return;
        }
        int[] strides = Shapes.strides(shape);
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
    }

    /**
     * The offsets of a gather along the last axis with the input's leading shape (cross-entropy's pick of each row's
     * label): row times the row length plus the index. One short loop instead of the general one's per-dimension
     * arithmetic: it runs every training step, mostly interpreted or in C1's profiling code for the first thousand
     * steps of a fresh JVM (benchmarks/README.md, "Warm-up").
     */
    private static void lastAxisOffsets(int rowLength, int[] index, int perRow, int[] offsets) {
        for (int i = 0, start = 0; i < index.length; start += rowLength) {
            for (int j = 0; j < perRow; j++, i++) {
                offsets[i] = start + index[i];
            }
        }
    }

    /** Whether the two shapes agree on every axis but the last. */
    static boolean sameLeading(int[] shape, int[] indexShape) {
        for (int d = 0; d + 1 < shape.length; d++) {
            if (shape[d] != indexShape[d]) {
                return false;
            }
        }
        return true;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {ScatterAdd.apply(gradOut, axis, index, inputs[0].shape)};
    }
}
