package org.autograd4j.core;

/**
 * The sign, -1, 0 or 1: {@code d/dx sign(x) = 0} everywhere (at 0 too, as PyTorch), so the gradient is a tensor of
 * zeros rather than none: {@code sign(x)} requires a gradient when x does, as in PyTorch. NaN gives 0, as PyTorch's
 * {@code (0 < x) - (x < 0)} (NumPy keeps NaN), and -0.0 gives 0.0.
 */
final class Sign extends Node {
    private Sign(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x) {
        Tensor out = Recorded.map("sign", x, v -> v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0);
        return Node.recording(x) ? Node.attach(out, new Sign(x)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        // zeros of the gradient's shape, not gradOut * 0: an infinite incoming gradient must not make a NaN
        return new Tensor[] {Capture.constant(new Tensor(new double[gradOut.length()], gradOut.shape, gradOut.dtype))};
    }
}
