package org.autograd4j.core;

/**
 * Elementwise maximum (or minimum), broadcasting: {@code d/dx max(x, y) = [x > y] + ½[x = y]}, the other input the
 * rest; ties split the gradient equally, as in PyTorch.
 */
final class Maximum extends Node {
    private final boolean min;

    private Maximum(Tensor x, Tensor y, boolean min) {
        super(x, y);
        this.min = min;
    }

    static Tensor apply(Tensor x, Tensor y, boolean min) {
        String op = min ? "minimum" : "maximum";
        int[] shape = Broadcasting.shape(op, x.shape, y.shape);
        double[] out = Kernels.zip(x, y, shape, min ? Math::min : Math::max);
        Tensor result = new Tensor(out, shape, DType.result(x, y));
        return Node.recording(x, y) ? Node.attach(result, new Maximum(x, y, min)) : result;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        Tensor y = inputs[1];
        int[] shape = out.shape;
        double[] share = min
                ? Kernels.zip(x, y, shape, (a, b) -> a < b ? 1.0 : a == b ? 0.5 : 0.0)
                : Kernels.zip(x, y, shape, (a, b) -> a > b ? 1.0 : a == b ? 0.5 : 0.0);
        Tensor toX = new Tensor(share, shape, out.dtype);
        Tensor toY = new Tensor(Kernels.map(share, s -> 1.0 - s), shape, out.dtype);
        return new Tensor[] {needs(0) ? gradOut.mul(toX) : null, needs(1) ? gradOut.mul(toY) : null};
    }

    @Override
    String name() {
        return min ? "MinimumBackward" : "MaximumBackward";
    }
}
