package org.autograd4j.core;

/** The order of elements reversed along some axes: a permutation, so the gradient is flipped back the same way. */
final class Flip extends Node {
    private final int[] axes;

    private Flip(Tensor x, int[] axes) {
        super(x);
        this.axes = axes;
    }

    /** Along {@code axes} (resolved; none for a 0-d tensor, which is returned as a copy). */
    static Tensor apply(Tensor x, int[] axes) {
        int rank = x.shape.length;
        boolean[] flipped = new boolean[rank];
        for (int a : axes) {
            flipped[a] = true;
        }
        // read the source backwards along flipped axes: start at its last element there, with a negative stride
        int[] strides = Shapes.strides(x.shape);
        int[] read = new int[rank];
        int start = 0;
        for (int d = 0; d < rank; d++) {
            read[d] = flipped[d] ? -strides[d] : strides[d];
            start += flipped[d] && x.shape[d] > 0 ? (x.shape[d] - 1) * strides[d] : 0;
        }
        double[] src = x.values();
        double[] out = new double[src.length];
        int[] idx = new int[rank];
        int p = start;
        for (int o = 0; o < out.length; o++) {
            out[o] = src[p];
            for (int d = rank - 1; d >= 0; d--) {
                p += read[d];
                if (++idx[d] < x.shape[d]) {
                    break;
                }
                p -= read[d] * x.shape[d];
                idx[d] = 0;
            }
        }
        Tensor result = new Tensor(out, x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(result, new Flip(x, axes)) : result;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {apply(gradOut, axes)};
    }
}
