package org.autograd4j.core;

/**
 * GELU, {@code x · Φ(x)}: {@code d/dx = Φ(x) + x · φ(x)}; with the tanh approximation, {@code t = tanh(u)},
 * {@code u = k (x + c x³)}: {@code d/dx = (1 + t)/2 + x/2 · (1 - t²) · k (1 + 3c x²)}. One op rather than the five of
 * its formula, so a network pays one recorded op and one array for its activation, as PyTorch's {@code GeluBackward}.
 */
final class Gelu extends Node {
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
    private static final double K = Math.sqrt(2.0 / Math.PI);
    private static final double C = 0.044715;
    private final GeluApproximation approximation;

    private Gelu(Tensor x, GeluApproximation approximation) {
        super(x);
        this.approximation = approximation;
    }

    static Tensor apply(Tensor x, GeluApproximation approximation) {
        if (approximation == null) {
            throw new IllegalArgumentException("gelu: approximation must not be null (NONE or TANH)");
        }
        double[] out = approximation == GeluApproximation.NONE
                ? Kernels.map(x, v -> 0.5 * v * (1.0 + Erf.value(v * SQRT_HALF)))
                : Kernels.map(x, v -> 0.5 * v * (1.0 + Math.tanh(K * (v + C * v * v * v))));
        Tensor result = new Tensor(out, x.shape, x.dtype);
        return Node.recording(x) ? Node.attach(result, new Gelu(x, approximation)) : result;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        Tensor slope;
        if (approximation == GeluApproximation.NONE) {
            Tensor cdf = x.mul(SQRT_HALF).erf().add(1.0).mul(0.5);
            Tensor pdf = x.square().mul(-0.5).exp().mul(INV_SQRT_2PI);
            slope = cdf.add(x.mul(pdf));
        } else {
            Tensor x2 = x.square();
            Tensor t = x.add(x.mul(x2).mul(C)).mul(K).tanh();
            Tensor dt = t.square().neg().add(1.0).mul(x2.mul(3 * C).add(1.0)).mul(K);
            slope = t.add(1.0).add(x.mul(dt)).mul(0.5);
        }
        return new Tensor[] {gradOut.mul(slope)};
    }
}
