package org.autograd4j.core;

/**
 * Values added into a zero tensor of a given shape at the places an index tensor names (the adjoint of
 * {@link Gather}): the gradient is gathered back.
 */
final class ScatterAdd extends Node {
    private final int axis;
    private final int[] index;

    private ScatterAdd(Tensor x, int axis, int[] index) {
        super(x);
        this.axis = axis;
        this.index = index;
    }

    static Tensor apply(Tensor x, int axis, int[] index, int[] shape) {
        int rank = shape.length;
        if (rank > 0 && axis == rank - 1 && x.shape[axis] == 1 && Gather.sameLeading(shape, x.shape)) {
            return applyOnePerRow(x, shape[axis], index, shape);
        }
        double[] out = new double[Shapes.size(shape)];
        int[] offsets = new int[index.length];
        int[] xShape = x.shape;
        Object src = x.storage();
        add(src, shape, axis, index, xShape, offsets, out);
        Tensor result = new Tensor(out, shape, x.dtype);
        Capture c = Capture.current();
        if (c != null) {
            c.checkIndex("scatterAdd", index);
            float[] dst = result.fdata;
            c.record("scatterAdd", () -> {
                java.util.Arrays.fill(out, 0.0);
                add(src, shape, axis, index, xShape, offsets, out);
                if (dst != null) {
                    Recorded.narrow(out, dst);
                }
            }, result, x);
        }
        return Node.recording(x) ? Node.attach(result, new ScatterAdd(x, axis, index)) : result;
    }

    /**
     * One value into each row, along the last axis (the adjoint of cross-entropy's label pick), in the values' own
     * storage type: no offsets array and, for FLOAT32, no double buffer to narrow from. Exact either way: each place
     * receives {@code 0 + v}, as in the general path. In the replayed {@code tiny} step the general path took 0.38 µs
     * for 100 labels.
     */
    private static Tensor applyOnePerRow(Tensor x, int rowLength, int[] index, int[] shape) {
        Object src = x.storage();
        Object out = Tensor.alloc(x.dtype, Shapes.size(shape));
        addOnePerRow(src, rowLength, index, out);
        Tensor result = Tensor.over(out, shape, x.dtype);
        Capture c = Capture.current();
        if (c != null) {
            c.checkIndex("scatterAdd", index);
            c.record("scatterAdd", () -> addOnePerRow(src, rowLength, index, out), result, x);
        }
        return Node.recording(x) ? Node.attach(result, new ScatterAdd(x, shape.length - 1, index)) : result;
    }

    /** Zeros {@code out}, then adds {@code src[i]} at row {@code i}, column {@code index[i]}. */
    private static void addOnePerRow(Object src, int rowLength, int[] index, Object out) {
        if (out instanceof float[] o) {
            float[] f = (float[]) src;
            java.util.Arrays.fill(o, 0f);
            for (int i = 0; i < f.length; i++) {
                o[i * rowLength + index[i]] += f[i];
            }
        } else {
            double[] d = (double[]) src;
            double[] o = (double[]) out;
            java.util.Arrays.fill(o, 0.0);
            for (int i = 0; i < d.length; i++) {
                o[i * rowLength + index[i]] += d[i];
            }
        }
    }

    /** The kernel: adds {@code src}'s values into {@code out} (zeros on entry) at the indexed places. */
    private static void add(Object src, int[] shape, int axis, int[] index, int[] xShape, int[] offsets,
            double[] out) {
        Gather.sourceOffsets(shape, axis, index, xShape, offsets);
        if (src instanceof float[] f) {
            for (int i = 0; i < offsets.length; i++) {
                out[offsets[i]] += f[i];
            }
        } else {
            double[] d = (double[]) src;
            for (int i = 0; i < offsets.length; i++) {
                out[offsets[i]] += d[i];
            }
        }
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {Gather.apply(gradOut, axis, index, inputs[0].shape)};
    }
}
