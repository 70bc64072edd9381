package org.autograd4j.core;

/**
 * Maximum (or minimum) along an axis: {@code d/dx_i max(x) = [i = argmax]}, the first extreme element taking the
 * whole gradient, as PyTorch's {@code max(dim)} does. A NaN counts as the extreme, so it propagates.
 */
final class Max extends Node {
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

    /** The positions of the extremes along an axis, as a FLOAT64 tensor of whole numbers. */
    static Tensor positions(Tensor x, int axis, boolean min) {
        String op = min ? "argmin" : "argmax";
        int a = Shapes.axis(op, axis, x.shape.length);
        int[] pos = search(op, x, a, min);
        double[] out = new double[pos.length];
        for (int k = 0; k < pos.length; k++) {
            out[k] = pos[k];
        }
        return new Tensor(out, Shapes.without(x.shape, a), DType.FLOAT64);
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
        int n = x.shape[axis];
        int inner = Shapes.inner(x.shape, axis);
        double[] mask = new double[x.length()];
        for (int k = 0; k < positions.length; k++) {
            mask[((k / inner) * n + positions[k]) * inner + k % inner] = 1.0;
        }
        return new Tensor[] {Reshape.apply(gradOut, keptShape).mul(new Tensor(mask, x.shape, gradOut.dtype))};
    }

    @Override
    String name() {
        return min ? "MinBackward" : "MaxBackward";
    }
}
