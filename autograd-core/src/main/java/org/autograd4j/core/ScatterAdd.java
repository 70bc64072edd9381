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
