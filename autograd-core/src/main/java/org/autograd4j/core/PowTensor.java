package org.autograd4j.core;

/**
 * Power with a tensor exponent, broadcasting, both operands differentiable: {@code d/dx x^y = y · x^(y-1)},
 * {@code d/dy x^y = x^y · log(x)}. PyTorch's conventions at the edges are kept: where {@code y = 0} the gradient for x
 * is 0 (not {@code 0 · x^-1}, NaN at x = 0), and where {@code x = 0} and {@code y >= 0} the gradient for y is 0 (not
 * {@code 0 · log 0}).
 */
final class PowTensor extends Node {
    private PowTensor(Tensor x, Tensor y) {
        super(x, y);
    }

    static Tensor apply(Tensor x, Tensor y) {
        int[] shape = Broadcasting.shape("pow", x.shape, y.shape);
        DType type = DType.result(x, y);
        Tensor out = new Tensor(Kernels.zip(DType.convert(x, type), DType.convert(y, type), shape, Math::pow), shape,
                type);
        return Node.recording(x, y) ? Node.attach(out, new PowTensor(x, y)) : out;
    }

    @Override
    boolean savesOutput() {
        return true;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        Tensor y = inputs[1];
        Tensor zero = new Tensor(new double[] {0.0}, Shapes.SCALAR, gradOut.dtype);
        Tensor gx = needs(0) ? Where.apply(y.eq(0.0), zero, gradOut.mul(y).mul(x.pow(y.sub(1.0)))) : null;
        Tensor gy = needs(1) ? Where.apply(x.eq(0.0).mul(y.ge(0.0)), zero, gradOut.mul(out).mul(x.log())) : null;
        return new Tensor[] {gx, gy};
    }

    @Override
    String name() {
        return "PowBackward1";
    }
}
