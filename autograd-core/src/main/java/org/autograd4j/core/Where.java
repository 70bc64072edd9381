package org.autograd4j.core;

/**
 * Selection by a mask, all three broadcasting: {@code d/dx where(m, x, y) = [m ≠ 0]}, {@code d/dy = [m = 0]}; the mask
 * gets no gradient.
 */
final class Where extends Node {
    private Where(Tensor mask, Tensor x, Tensor y) {
        super(mask, x, y);
    }

    static Tensor apply(Tensor mask, Tensor x, Tensor y) {
        int[] shape = Broadcasting.shape("where", Broadcasting.shape("where", mask.shape, x.shape), y.shape);
        double[] m = Kernels.expand(mask, shape);
        double[] a = Kernels.expand(x, shape);
        double[] b = Kernels.expand(y, shape);
        for (int i = 0; i < m.length; i++) {
            a[i] = m[i] != 0 ? a[i] : b[i];
        }
        Tensor out = new Tensor(a, shape, DType.result(x, y));
        return Node.recording(x, y) ? Node.attach(out, new Where(mask, x, y)) : out;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        int[] shape = out.shape;
        double[] m = Kernels.expand(inputs[0], shape);
        double[] keep = Kernels.map(m, v -> v != 0 ? 1.0 : 0.0);
        double[] other = Kernels.map(m, v -> v != 0 ? 0.0 : 1.0);
        return new Tensor[] {null,
            needs(1) ? gradOut.mul(new Tensor(keep, shape, out.dtype)) : null,
            needs(2) ? gradOut.mul(new Tensor(other, shape, out.dtype)) : null};
    }
}
