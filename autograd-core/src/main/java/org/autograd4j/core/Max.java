package org.autograd4j.core;

/**
 * Maximum (or minimum) along an axis: {@code d/dx_i max(x) = [i = argmax]}, the first extreme element taking the
 * whole gradient, as PyTorch's {@code max(dim)} does. Over all elements ({@link #all}) tied extremes share it evenly
 * instead, {@code [x_i = max(x)] / (number of ties)}, as PyTorch's {@code max()}. A NaN counts as the extreme, so it
 * propagates (over all elements, the NaNs share the gradient).
 */
final class Max extends Node {
    /** The axis of a full reduction ({@link #all}). */
    private static final int ALL = -1;
    private final int axis;
    private final int[] positions;
    private final int[] keptShape;
    private final boolean min;

    private Max(Tensor x, int axis, int[] positions, int[] keptShape, boolean min) {
        super(x);
        this.min = min;
        this.axis = axis;
        this.positions = positions;
        this.keptShape = keptShape;
    }

    static Tensor apply(Tensor x, int axis, boolean keepDim, boolean min) {
        String op = min ? "min" : "max";
        int a = Shapes.axis(op, axis, x.shape.length);
        int[] pos = search(op, x, a, min);
        int[] kept = Shapes.with(x.shape, a, 1);
        int inner = Shapes.inner(x.shape, a);
        int n = x.shape[a];
        double[] out = new double[pos.length];
        for (int k = 0; k < pos.length; k++) {
            int o = k / inner;
            int i = k % inner;
            out[k] = x.at((o * n + pos[k]) * inner + i);
        }
        Tensor result = new Tensor(out, keepDim ? kept : Shapes.without(x.shape, a), x.dtype);
        return Node.recording(x) ? Node.attach(result, new Max(x, a, pos, kept, min)) : result;
    }

    /** The extreme of all elements, a 0-d tensor; ties share the gradient (see the class note). */
    static Tensor all(Tensor x, boolean min) {
        String op = min ? "min" : "max";
        int[] pos = search(op, x.view(new int[] {x.length()}), 0, min);
        Tensor result = new Tensor(new double[] {x.at(pos[0])}, Shapes.SCALAR, x.dtype);
        return Node.recording(x) ? Node.attach(result, new Max(x, ALL, pos, Shapes.SCALAR, min)) : result;
    }

    /** The positions of the extremes along an axis, as an INT64 tensor (as PyTorch's argmax). */
    static Tensor positions(Tensor x, int axis, boolean min) {
        String op = min ? "argmin" : "argmax";
        int a = Shapes.axis(op, axis, x.shape.length);
        int[] pos = search(op, x, a, min);
        double[] out = new double[pos.length];
        for (int k = 0; k < pos.length; k++) {
            out[k] = pos[k];
        }
        return new Tensor(out, Shapes.without(x.shape, a), DType.INT64);
    }

    private static int[] search(String op, Tensor x, int a, boolean min) {
        int n = x.shape[a];
        if (n == 0) {
            throw new IllegalArgumentException(op + ": axis " + a + " of shape " + Shapes.str(x.shape) + " is empty");
        }
        int outer = Shapes.outer(x.shape, a);
        int inner = Shapes.inner(x.shape, a);
        int[] pos = new int[outer * inner];
        double[] d = x.values();
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double best = d[base];
                int at = 0;
                for (int j = 1; j < n && !Double.isNaN(best); j++) {
                    double v = d[base + j * inner];
                    if (min ? v < best : v > best) {
                        best = v;
                        at = j;
                    } else if (Double.isNaN(v)) {
                        best = v;
                        at = j;
                    }
                }
                pos[o * inner + i] = at;
            }
        }
        return pos;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        if (axis == ALL) {
            return new Tensor[] {gradOut.mul(new Tensor(tieShares(x, x.at(positions[0])), x.shape, gradOut.dtype))};
        }
        int n = x.shape[axis];
        int inner = Shapes.inner(x.shape, axis);
        double[] mask = new double[x.length()];
        for (int k = 0; k < positions.length; k++) {
            mask[((k / inner) * n + positions[k]) * inner + k % inner] = 1.0;
        }
        return new Tensor[] {Reshape.apply(gradOut, keptShape).mul(new Tensor(mask, x.shape, gradOut.dtype))};
    }

    /** 1/count where {@code x} equals the extreme (is NaN, when the extreme is), 0 elsewhere. */
    private static double[] tieShares(Tensor x, double extreme) {
        double[] share = new double[x.length()];
        int count = 0;
        for (int i = 0; i < share.length; i++) {
            double v = x.at(i);
            if (Double.isNaN(extreme) ? Double.isNaN(v) : v == extreme) {
                share[i] = 1.0;
                count++;
            }
        }
        for (int i = 0; i < share.length; i++) {
            share[i] /= count;
        }
        return share;
    }

    @Override
    String name() {
        return min ? "MinBackward" : "MaxBackward";
    }
}
