package org.autograd4j.core;

/** Zeros added before and after one axis (the adjoint of {@link Slice}): the gradient is the slice back. */
final class Pad extends Node {
    private final int axis;
    private final int before;

    private Pad(Tensor x, int axis, int before) {
        super(x);
        this.axis = axis;
        this.before = before;
    }

    static Tensor apply(Tensor x, int axis, int before, int after) {
        int n = x.shape[axis];
        int total = before + n + after;
        int[] shape = Shapes.with(x.shape, axis, total);
        int outer = Shapes.outer(shape, axis);
        int inner = Shapes.inner(shape, axis);
        Object src = x.storage();
        Object out = Tensor.alloc(x.dtype, Shapes.size(shape));
        for (int o = 0; o < outer; o++) {
            System.arraycopy(src, o * n * inner, out, (o * total + before) * inner, n * inner);
        }
        Tensor result = Tensor.over(out, shape, x.dtype);
        return Node.recording(x) ? Node.attach(result, new Pad(x, axis, before)) : result;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.slice(axis, before, before + inputs[0].shape[axis])};
    }
}
