package org.autograd4j.core;

/**
 * log Σ exp(x) along an axis, shifted by the maximum so it cannot overflow:
 * {@code d/dx logSumExp(x) = softmax(x) = exp(x - logSumExp(x))}. The node's output keeps the axis at size 1.
 */
final class LogSumExp extends Node {
    private LogSumExp(Tensor x) {
        super(x);
    }

    /** log Σ exp(x) along an axis, shifted by the maximum so it cannot overflow. */
    static Tensor apply(Tensor x, int axis, boolean keepDim) {
        int a = Shapes.axis("logSumExp", axis, x.shape.length);
        int[] kept = Shapes.with(x.shape, a, 1);
        Tensor out = new Tensor(lse(x, a), kept, x.dtype);
        if (Node.recording(x)) {
            Node.attach(out, new LogSumExp(x));
        }
        return keepDim ? out : Reshape.apply(out, Shapes.without(x.shape, a));
    }

    static double[] lse(Tensor x, int a) {
        int outer = Shapes.outer(x.shape, a);
        int n = x.shape[a];
        int inner = Shapes.inner(x.shape, a);
        double[] d = x.values();
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double m = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    m = Math.max(m, d[base + j * inner]);
                }
                if (Double.isInfinite(m)) {
                    // all -inf (or an +inf): the shift would give NaN; the plain formula gives the right limit.
                    m = 0.0;
                }
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += Math.exp(d[base + j * inner] - m);
                }
                out[o * inner + i] = m + Math.log(s);
            }
        }
        return out;
    }

    @Override
    boolean savesOutput() {
        return true;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.mul(inputs[0].sub(out).exp())};
    }
}
