package org.autograd4j.core;

/** Power with a constant exponent: {@code d/dx x^p = p * x^(p-1)}. */
final class Pow extends Node {
    private final double p;

    private Pow(Tensor x, double p) {
        super(x);
        this.p = p;
    }

    static Tensor apply(Tensor x, double p) {
        Tensor result = p == 2.0 ? Recorded.unary("square", x, Pow::square)
                : Recorded.unary("pow", x, (a, y) -> power(a, y, p));
        return Node.recording(x) ? Node.attach(result, new Pow(x, p)) : result;
    }

    private static void square(double[] a, double[] y) {
        for (int i = 0; i < a.length; i++) {
            y[i] = a[i] * a[i];
        }
    }

    private static void power(double[] a, double[] y, double p) {
        for (int i = 0; i < a.length; i++) {
            y[i] = Math.pow(a[i], p);
        }
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
