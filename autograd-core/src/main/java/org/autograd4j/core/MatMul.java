package org.autograd4j.core;

import org.autograd4j.core.backend.Blas;

/**
 * Matrix product of 2-D operands, or of 3-D batches of equal size, each optionally transposed (the flags let the
 * backward use BLAS's transposed products instead of materialising transposes):
 * for {@code C = A·B}, {@code dA = G·Bᵀ} and {@code dB = Aᵀ·G}. {@link #matmul} adds NumPy's rules for 1-D operands and
 * batch broadcasting on top, with shape ops whose own backwards do the rest.
 */
final class MatMul extends Node {
    private final boolean transX;
    private final boolean transY;

    private MatMul(Tensor x, Tensor y, boolean transX, boolean transY) {
        super(x, y);
        this.transX = transX;
        this.transY = transY;
    }

    /** NumPy's matmul over ranks 1 to 3. */
    static Tensor matmul(Tensor x, Tensor y) {
        int rx = x.shape.length;
        int ry = y.shape.length;
        if (rx == 0 || ry == 0 || rx > 3 || ry > 3) {
            throw new IllegalArgumentException("matmul: operands must have rank 1 to 3, got " + Shapes.str(x.shape)
                    + " @ " + Shapes.str(y.shape));
        }
        int kx = x.shape[rx - 1];
        int ky = ry == 1 ? y.shape[0] : y.shape[ry - 2];
        if (kx != ky) {
            throw new IllegalArgumentException("matmul: inner dimensions differ: " + Shapes.str(x.shape) + " @ "
                    + Shapes.str(y.shape));
        }
        // exact below 2^53, so the comparison with the limit is exact too
        double size = (double) Math.max(rx == 3 ? x.shape[0] : 1, ry == 3 ? y.shape[0] : 1)
                * (rx == 1 ? 1 : x.shape[rx - 2]) * (ry == 1 ? 1 : y.shape[ry - 1]);
        if (size > Shapes.MAX_SIZE) {
            throw new IllegalArgumentException("matmul: result of " + Shapes.str(x.shape) + " @ "
                    + Shapes.str(y.shape) + " would have " + (long) size
                    + " elements, more than a tensor can hold (2^31 - 9)");
        }
        Tensor a = rx == 1 ? x.unsqueeze(0) : x;
        Tensor b = ry == 1 ? y.unsqueeze(1) : y;
        Tensor out;
        if (a.shape.length == 2 && b.shape.length == 2) {
            out = apply(a, b, false, false);
        } else if (b.shape.length == 2) {
            int batch = a.shape[0];
            int m = a.shape[1];
            Tensor flat = apply(Reshape.apply(a, new int[] {batch * m, kx}), b, false, false);
            out = Reshape.apply(flat, new int[] {batch, m, b.shape[1]});
        } else {
            int ba = a.shape.length == 3 ? a.shape[0] : 1;
            int bb = b.shape[0];
            if (ba != bb && ba != 1 && bb != 1) {
                throw new IllegalArgumentException("matmul: batch dimensions differ: " + Shapes.str(x.shape) + " @ "
                        + Shapes.str(y.shape));
            }
            int batch = Math.max(ba, bb);
            int[] sa = a.shape;
            int[] sb = b.shape;
            a = BroadcastTo.apply(a, new int[] {batch, sa[sa.length - 2], sa[sa.length - 1]});
            b = BroadcastTo.apply(b, new int[] {batch, sb[1], sb[2]});
            out = apply(a, b, false, false);
        }
        if (rx == 1) {
            out = out.squeeze(-2);
        }
        if (ry == 1) {
            out = out.squeeze(-1);
        }
        return out;
    }

    /** {@code op(x) · op(y)} for 2-D operands or 3-D operands with the same batch size; shapes already checked. */
    static Tensor apply(Tensor x, Tensor y, boolean transX, boolean transY) {
        Tensor result = product(x, y, transX, transY);
        return Node.recording(x, y) ? Node.attach(result, new MatMul(x, y, transX, transY)) : result;
    }

    /** The product alone, in a fresh array, never recorded (for {@link AddMm}, which records itself). */
    static Tensor product(Tensor x, Tensor y, boolean transX, boolean transY) {
        int r = x.shape.length;
        int batch = r == 3 ? x.shape[0] : 1;
        int m = transX ? x.shape[r - 1] : x.shape[r - 2];
        int k = transX ? x.shape[r - 2] : x.shape[r - 1];
        int n = transY ? y.shape[r - 2] : y.shape[r - 1];
        int[] shape = r == 3 ? new int[] {batch, m, n} : new int[] {m, n};
        Tensor result;
        Object xs;
        Object ys;
        if (x.fdata != null && y.fdata != null) {
            xs = x.fdata;
            ys = y.fdata;
            result = new Tensor(new float[batch * m * n], shape);
        } else {
            if (x.data == null || y.data == null) {
                Capture.refuse("matmul", "with FLOAT32 and FLOAT64 operands (convert one with to())");
            }
            xs = x.values();
            ys = y.values();
            result = new Tensor(new double[batch * m * n], shape, DType.FLOAT64);
        }
        Object out = result.storage();
        product(transX, transY, batch, m, n, k, xs, ys, out);
        Capture c = Capture.current();
        if (c != null) {
            c.record("matmul", () -> product(transX, transY, batch, m, n, k, xs, ys, out), result, x, y);
        }
        return result;
    }

    /** The kernel: {@code batch} products into {@code out}, which they overwrite. */
    private static void product(boolean transX, boolean transY, int batch, int m, int n, int k, Object xs, Object ys,
            Object out) {
        if (out instanceof float[] f) {
            for (int b = 0; b < batch; b++) {
                Blas.gemm(transX, transY, m, n, k, (float[]) xs, b * m * k, (float[]) ys, b * k * n, f, b * m * n);
            }
        } else {
            double[] d = (double[]) out;
            for (int b = 0; b < batch; b++) {
                Blas.gemm(transX, transY, m, n, k, (double[]) xs, b * m * k, (double[]) ys, b * k * n, d, b * m * n);
            }
        }
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        Tensor y = inputs[1];
        Tensor gx = null;
        Tensor gy = null;
        if (needs(0)) {
            gx = transX ? apply(y, gradOut, transY, true) : apply(gradOut, y, false, !transY);
        }
        if (needs(1)) {
            gy = transY ? apply(gradOut, x, true, transX) : apply(x, gradOut, !transX, false);
        }
        return new Tensor[] {gx, gy};
    }
}
