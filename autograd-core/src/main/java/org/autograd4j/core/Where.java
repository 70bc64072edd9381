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
        int n = Shapes.size(shape);
        double[] m = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        select(mask, x, y, shape, m, a, b);
        Tensor out = new Tensor(a, shape, DType.result(x, y));
        Capture c = Capture.current();
        if (c != null) {
            float[] dst = out.fdata;
            c.record("where", () -> {
                select(mask, x, y, shape, m, a, b);
                if (dst != null) {
                    Recorded.narrow(a, dst);
                }
            }, out, mask, x, y);
        }
        return Node.recording(x, y) ? Node.attach(out, new Where(mask, x, y)) : out;
    }

    /** The kernel: the three operands broadcast into {@code m}, {@code a}, {@code b}, and the choice into {@code a}. */
    private static void select(Tensor mask, Tensor x, Tensor y, int[] shape, double[] m, double[] a, double[] b) {
        Kernels.expand(mask.values(), mask.shape, shape, m);
        Kernels.expand(x.values(), x.shape, shape, a);
        Kernels.expand(y.values(), y.shape, shape, b);
        for (int i = 0; i < m.length; i++) {
            a[i] = m[i] != 0 ? a[i] : b[i];
        }
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        int[] shape = out.shape;
        int[] maskShape = inputs[0].shape;
        return new Tensor[] {null,
            needs(1) ? gradOut.mul(Recorded.map("where keep", inputs[0], shape, out.dtype,
                    (mv, k) -> choose(mv, maskShape, shape, k, 1.0))) : null,
            needs(2) ? gradOut.mul(Recorded.map("where other", inputs[0], shape, out.dtype,
                    (mv, k) -> choose(mv, maskShape, shape, k, 0.0))) : null};
    }

    /** {@code ifSet} where the broadcast mask is non-zero, {@code 1 - ifSet} elsewhere. */
    private static void choose(double[] mask, int[] maskShape, int[] shape, double[] k, double ifSet) {
        Kernels.expand(mask, maskShape, shape, k);
        for (int i = 0; i < k.length; i++) {
            k[i] = k[i] != 0 ? ifSet : 1.0 - ifSet;
        }
    }
}
