package org.autograd4j.core;

import org.autograd4j.core.backend.Blas;

/**
 * {@code bias + x·w} for 2-D {@code x} and {@code w}, fused (PyTorch's {@code addmm}, the linear layer):
 * {@code d/dx = g·wᵀ}, {@code d/dw = xᵀ·g}, {@code d/dbias = g} summed back to the bias's shape. Why fused: the bias is
 * added in place into the product while it is still in cache, instead of a separate add op that allocates and walks
 * a second array and records a second node; for products that go to native BLAS, the bias is copied into the output
 * first and the GEMM adds the product to it (beta = 1). Measured in one JVM, alternating: forward + backward of a
 * float32 [100, 2]·[2, 8] layer 13.0–14.3 → 11.7–13.2 µs, of [32, 64]·[64, 32] 18.6–22.7 → 16.9–21.4 µs; at [128,
 * 256]·[256, 128] the product dominates and the two are level.
 */
final class AddMm extends Node {
    private AddMm(Tensor bias, Tensor x, Tensor w) {
        super(bias, x, w);
    }

    static Tensor apply(Tensor bias, Tensor x, Tensor w) {
        if (x.shape.length != 2 || w.shape.length != 2) {
            throw new IllegalArgumentException("addmm: x and w must be 2-D, got " + Shapes.str(x.shape) + " and "
                    + Shapes.str(w.shape));
        }
        if (x.shape[1] != w.shape[0]) {
            throw new IllegalArgumentException("addmm: inner dimensions differ: " + Shapes.str(x.shape) + " @ "
                    + Shapes.str(w.shape));
        }
        int m = x.shape[0];
        int n = w.shape[1];
        int[] shape = {m, n};
        if (!Broadcasting.broadcastsTo(bias.shape, shape)) {
            throw new IllegalArgumentException("addmm: bias of shape " + Shapes.str(bias.shape)
                    + " does not broadcast to the product's shape " + Shapes.str(shape));
        }
        boolean row = bias.length() == n && (bias.shape.length == 1 || (bias.shape.length == 2 && bias.shape[0] == 1));
        if (!row || bias.dtype != x.dtype || w.dtype != x.dtype) {
            // other bias layouts and mixed types: the two ops, whose backwards give the same gradients
            return MatMul.apply(x, w, false, false).add(bias);
        }
        int k = x.shape[1];
        Tensor out;
        if (Blas.runsNatively(m, n, k, x.fdata != null)) {
            out = Tensor.over(Tensor.alloc(x.dtype, m * n), new int[] {m, n}, x.dtype);
            Object b = bias.storage();
            Object xs = x.storage();
            Object ws = w.storage();
            Object c = out.storage();
            Object rows = n < SHORT_ROWS ? Tensor.alloc(x.dtype, m * n) : null;
            biasPlusProduct(b, xs, ws, c, m, n, k, rows);
            Capture capture = Capture.current();
            if (capture != null) {
                capture.record("addmm", () -> biasPlusProduct(b, xs, ws, c, m, n, k, rows), out, bias, x, w);
            }
        } else {
            out = productPlusBias(bias, x, w, n);
        }
        boolean recording = (bias.requiresGrad || x.requiresGrad || w.requiresGrad) && GradMode.enabled();
        return recording ? Node.attach(out, new AddMm(bias, x, w)) : out;
    }

    /** For products that stay in Java: the product, then the bias added in place into it while it is in cache. */
    private static Tensor productPlusBias(Tensor bias, Tensor x, Tensor w, int n) {
        Tensor out = MatMul.product(x, w, false, false);
        // the product is a fresh array that no one else has seen, so adding into it keeps tensors immutable
        Object b = bias.storage();
        Object c = out.storage();
        addRows(b, c, n);
        Capture capture = Capture.current();
        if (capture != null) {
            // after the product's own instruction, which overwrites c first
            capture.record("addmm bias", () -> addRows(b, c, n), out, bias);
        }
        return out;
    }

    private static void addRows(Object bias, Object out, int n) {
        if (out instanceof float[] c) {
            float[] b = (float[]) bias;
            for (int r = 0; r < c.length; r += n) {
                for (int j = 0; j < n; j++) {
                    c[r + j] += b[j];
                }
            }
        } else {
            double[] c = (double[]) out;
            double[] b = (double[]) bias;
            for (int r = 0; r < c.length; r += n) {
                for (int j = 0; j < n; j++) {
                    c[r + j] += b[j];
                }
            }
        }
    }

    /**
     * Rows shorter than this take the product first and the bias after ({@code rows} in {@link #biasPlusProduct}):
     * OpenBLAS's sgemm with beta = 1 on such shapes ran 2–4× slower than with beta = 0 (SkylakeX kernel, 2-vCPU EPYC,
     * best of 11: [100, 2]·[2, 8] 0.87–0.94 against 0.19 µs), while from 32 columns up beta = 1 is level or faster.
     */
    static final int SHORT_ROWS = 16;

    /**
     * For products large enough for native BLAS: the bias copied into every row of the output, then the product added
     * by the GEMM itself (beta = 1), as PyTorch's {@code addmm} does; this spares a pass over the output in Java and
     * BLAS's own zeroing of it. Measured forward, float32, against {@link #productPlusBias} (best of 7, same JVM):
     * [32, 30]·[30, 64] 10.0–14.2 → 3.2–4.7 µs, [32, 64]·[64, 32] 5.7–8.5 → 2.7–3.7 µs, [128, 256]·[256, 128]
     * 126–147 → 108–136 µs, [128, 784]·[784, 256] level within noise. With short rows ({@code rows} not null, see
     * {@link #SHORT_ROWS}) the product goes first (beta = 0) and the bias is added from {@code rows}, filled with
     * copies of it, in one flat loop that vectorises: [100, 2]·[2, 8] 0.92 → 0.30 µs, [100, 8]·[8, 2] 0.91 → 0.49 µs.
     */
    private static void biasPlusProduct(Object bias, Object x, Object w, Object c, int m, int n, int k, Object rows) {
        if (rows != null) {
            if (c instanceof float[] f) {
                Blas.gemm(false, false, m, n, k, (float[]) x, 0, (float[]) w, 0, f, 0);
            } else {
                Blas.gemm(false, false, m, n, k, (double[]) x, 0, (double[]) w, 0, (double[]) c, 0);
            }
            System.arraycopy(bias, 0, rows, 0, n);
            repeatFirstRow(rows, n);
            addInto(rows, c);
            return;
        }
        System.arraycopy(bias, 0, c, 0, n);
        repeatFirstRow(c, n);
        if (c instanceof float[] f) {
            Blas.gemmAdd(false, false, m, n, k, (float[]) x, 0, (float[]) w, 0, f, 0);
        } else {
            Blas.gemmAdd(false, false, m, n, k, (double[]) x, 0, (double[]) w, 0, (double[]) c, 0);
        }
    }

    /** {@code c[i] += a[i]} over the whole array: the product plus the bias, in that order, as the GEMM would add. */
    private static void addInto(Object a, Object c) {
        if (c instanceof float[] f) {
            float[] s = (float[]) a;
            for (int i = 0; i < f.length; i++) {
                f[i] += s[i];
            }
        } else {
            double[] d = (double[]) c;
            double[] s = (double[]) a;
            for (int i = 0; i < d.length; i++) {
                d[i] += s[i];
            }
        }
    }

    /**
     * Fills {@code c} with copies of its first {@code n} elements by doubling copies: log2(rows) calls instead of one
     * per row, which matters for many short rows (the forward of a [100, 2]·[2, 8] layer took 1.86 µs with a copy per
     * row, 1.71–1.76 µs this way, level with the product followed by an add loop).
     */
    private static void repeatFirstRow(Object c, int n) {
        int total = java.lang.reflect.Array.getLength(c);
        for (int filled = n; filled > 0 && filled < total; filled *= 2) {
            System.arraycopy(c, 0, c, filled, Math.min(filled, total - filled));
        }
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[1];
        Tensor w = inputs[2];
        return new Tensor[] {
            needs(0) ? gradOut : null,
            needs(1) ? MatMul.apply(gradOut, w, false, true) : null,
            needs(2) ? MatMul.apply(x, gradOut, true, false) : null};
    }
}
