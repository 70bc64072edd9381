package org.autograd4j.core;

/** Power with a constant exponent: {@code d/dx x^p = p * x^(p-1)}. */
final class Pow extends Node {
    private final double p;

    private Pow(Tensor x, double p) {
        super(x);
        this.p = p;
    }

    static Tensor apply(Tensor x, double p) {
        double[] out;
        if (p == 2.0) {
            out = Kernels.map(x, v -> v * v);
        } else {
            out = Kernels.map(x, v -> Math.pow(v, p));
        }
        Tensor result = new Tensor(out, x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(result, new Pow(x, p)) : result;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        if (p == 0.0) {
            // x^-1 would turn 0 * inf into NaN at x = 0; the derivative of a constant is 0 everywhere.
            return new Tensor[] {gradOut.mul(0.0)};
        }
        if (p == 1.0) {
            return new Tensor[] {gradOut};
        }
        Tensor slope = p == 2.0 ? x.mul(2.0) : x.pow(p - 1).mul(p);
        return new Tensor[] {gradOut.mul(slope)};
    }
}
