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
        Tensor out = new Tensor(x.data != null ? x.data.clone() : Kernels.widen(x.fdata), x.shape, type);
        Capture c = Capture.current();
        if (c != null) {
            Object from = x.storage();
            Object to = out.storage();
            c.record("to(" + type + ")", () -> convert(from, to), out, x);
        }
        return Node.recording(x) ? Node.attach(out, new Cast(x)) : out;
    }

    /** The values truncated toward zero; NaN, infinities and values beyond ±2^53 are refused, not made undefined. */
    private static double[] truncated(Tensor x) {
        Capture.refuse("to(INT64)", "");
        double[] v = x.data != null ? x.data.clone() : Kernels.widen(x.fdata);
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

    /** Copies {@code from} into {@code to}, widening or rounding between float and double as their types say. */
    private static void convert(Object from, Object to) {
        if (from instanceof float[] f && to instanceof double[] d) {
            Recorded.widen(f, d);
        } else if (from instanceof double[] d && to instanceof float[] f) {
            Recorded.narrow(d, f);
        } else {
            System.arraycopy(from, 0, to, 0, java.lang.reflect.Array.getLength(from));
        }
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        return new Tensor[] {gradOut.to(inputs[0].dtype)};
    }
}
