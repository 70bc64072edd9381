package org.autograd4j.core;

/**
 * Conversion between FLOAT32 and FLOAT64: the gradient is converted back, {@code d/dx cast(x) = 1}. To INT64 (see
 * {@link DType}, "INT64 note") values are truncated toward zero, as PyTorch does, and nothing is recorded: an integer
 * carries no gradient.
 */
final class Cast extends Node {
    private Cast(Tensor x) {
        super(x);
    }

    static Tensor apply(Tensor x, DType type) {
        if (type == DType.INT64) {
            return new Tensor(truncated(x), x.shape, DType.INT64);
        }
        Tensor out = new Tensor(x.toDoubleArray(), x.shape, type);
        return Node.recording(x) ? Node.attach(out, new Cast(x)) : out;
    }

    /** The values truncated toward zero; NaN, infinities and values beyond ±2^53 are refused, not made undefined. */
    private static double[] truncated(Tensor x) {
        double[] v = x.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            if (!(Math.abs(v[i]) <= DType.MAX_EXACT)) {
                throw new IllegalArgumentException("to(INT64): value " + v[i] + " at position " + i + " of shape "
                        + Shapes.str(x.shape) + (Double.isNaN(v[i]) ? " is NaN" : Double.isInfinite(v[i])
                        ? " is infinite" : " is beyond ±2^53 (9007199254740992)") + " and has no INT64 value");
            }
            v[i] = (v[i] < 0 ? Math.ceil(v[i]) : Math.floor(v[i])) + 0.0;   // + 0.0: -0.5 gives 0, not -0
        }
        return v;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.to(inputs[0].dtype)};
    }
}
