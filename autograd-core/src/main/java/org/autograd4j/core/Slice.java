package org.autograd4j.core;

/** A range along one axis: the gradient is zero-padded back to the input's size ({@link Pad}). */
final class Slice extends Node {
    private final int axis;
    private final int from;

    private Slice(Tensor x, int axis, int from) {
        super(x);
        this.axis = axis;
        this.from = from;
    }

    /** Negative bounds count from the end, as in Python. */
    static Tensor apply(Tensor x, int axis, long from, long to) {
        int a = Shapes.axis("slice", axis, x.shape.length);
        int n = x.shape[a];
        long f = from < 0 ? from + n : from;
        long t = to < 0 ? to + n : to;
        if (f < 0 || t > n || f > t) {
            throw new IllegalArgumentException("slice: range [" + from + ", " + to + ") is not within axis " + axis
                    + " of shape " + Shapes.str(x.shape));
        }
        int start = (int) f;
        int len = (int) (t - f);
        if (start == 0 && len == n) {
            // the whole axis: a view, never the input itself (see BroadcastTo)
            Tensor view = x.view(x.shape);
            return Node.recording(x) ? Node.attach(view, new Slice(x, a, 0)) : view;
        }
        int[] shape = Shapes.with(x.shape, a, len);
        int outer = Shapes.outer(shape, a);
        int inner = Shapes.inner(shape, a);
        Object src = x.storage();
        Object out = Tensor.alloc(x.dtype, Shapes.size(shape));
        for (int o = 0; o < outer; o++) {
            System.arraycopy(src, (o * n + start) * inner, out, o * len * inner, len * inner);
        }
        Tensor result = Tensor.over(out, shape, x.dtype);
        return Node.recording(x) ? Node.attach(result, new Slice(x, a, start)) : result;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        int n = inputs[0].shape[axis];
        return new Tensor[] {Pad.apply(gradOut, axis, from, n - from - gradOut.shape[axis])};
    }
}
