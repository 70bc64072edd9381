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
        int[] offsets = Gather.sourceOffsets(shape, axis, index, x.shape);
        for (int i = 0; i < offsets.length; i++) {
            out[offsets[i]] += x.at(i);
        }
        Tensor result = new Tensor(out, shape, x.dtype);
        return Node.recording(x) ? Node.attach(result, new ScatterAdd(x, axis, index)) : result;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {Gather.apply(gradOut, axis, index, inputs[0].shape)};
    }
}
