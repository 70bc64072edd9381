package org.autograd4j.core;

/**
 * Cumulative sum along an axis, {@code out_i = Σ_{j≤i} x_j}: {@code d out_i / d x_j = [j ≤ i]}, so the gradient is
 * the cumulative sum of the incoming gradient taken from the other end (the same op, reversed).
 */
final class Cumsum extends Node {
    private final int axis;
    private final boolean reverse;

    private Cumsum(Tensor x, int axis, boolean reverse) {
        super(x);
        this.axis = axis;
        this.reverse = reverse;
    }

    /** Along {@code axis} (resolved), from the start, or from the end if {@code reverse}. */
    static Tensor apply(Tensor x, int axis, boolean reverse) {
        int n = x.shape[axis];
        int inner = Shapes.inner(x.shape, axis);
        int outer = Shapes.outer(x.shape, axis);
        double[] out = x.values().clone();
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double s = 0;
                for (int k = 0; k < n; k++) {
                    int at = base + (reverse ? n - 1 - k : k) * inner;
                    s += out[at];
                    out[at] = s;
                }
            }
        }
        Tensor result = new Tensor(out, x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(result, new Cumsum(x, axis, reverse)) : result;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {apply(gradOut, axis, !reverse)};
    }
}
