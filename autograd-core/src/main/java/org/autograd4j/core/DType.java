package org.autograd4j.core;

/**
 * The element type of a {@link Tensor}.
 *
 * <p>A FLOAT64 tensor is held in a Java {@code double[]}, a FLOAT32 tensor in a {@code float[]} (see the README,
 * "Storage"). FLOAT32 ops compute what float32 arithmetic computes: the arithmetic ops, ReLU and the fused backwards of
 * the activations run in float; the others compute in double and round each result once to float (for
 * {@code + - * / sqrt} the two agree exactly), and reductions accumulate in double, so they are at least as accurate.
 * Matrix products of FLOAT32 tensors run in single precision (sgemm).
 *
 * <p>Combining the two floating types promotes to FLOAT64, as in PyTorch; a Java {@code double} operand keeps the
 * tensor's type. As in PyTorch, a 0-d tensor does not decide the type when the other operand has dimensions:
 * {@code float32 [2] * float64 0-d} is FLOAT32 (the 0-d operand is rounded to float first), as a Java {@code double}
 * would be; two 0-d tensors, or two with dimensions, promote as usual.
 *
 * <p><b>INT64 note.</b> INT64 holds indices and class labels ({@link Tensor#argmax} returns it; {@code gather},
 * {@code indexSelect}, {@code scatter} and the losses take it). Its values live in a {@code double[]}, as whole
 * numbers of magnitude at most 2<sup>53</sup>, where doubles hold every integer exactly; creating one from anything
 * else is refused, naming the value and its position, never rounded. An INT64 tensor never requires a gradient (as in
 * PyTorch: "only Tensors of floating point dtype can require gradients"). Promotion follows PyTorch's categories: an
 * integer operand takes the floating operand's type, whatever their ranks ({@code int64 [2] + float32 0-d} is
 * FLOAT32); INT64 with INT64 stays INT64 for {@code + - *}, comparisons, max/min, sums and layout ops, and a result
 * beyond ±2<sup>53</sup> is an error. Division and the functions with no integer meaning ({@code exp}, {@code log},
 * {@code sigmoid}, {@code softmax}…) compute in FLOAT64, our default floating type (PyTorch's is float32).
 * A Java {@code double} operand of an INT64 tensor acts as a Python {@code int} when it is whole (INT64 stays) and as a
 * Python {@code float} otherwise (FLOAT64).
 */
public enum DType {
    /** IEEE-754 single precision. */
    FLOAT32,
    /** IEEE-754 double precision: the type of the numerical oracle and of {@link Tensor#of(double[], long...)}. */
    FLOAT64,
    /** 64-bit integers for indices and labels, exact up to ±2<sup>53</sup> (see the INT64 note above); no gradient. */
    INT64;

    /** The largest magnitude an INT64 value may have: every integer up to it is a double exactly. */
    static final double MAX_EXACT = 0x1p53;

    /**
     * Whether this is a floating type, the only kind that can require a gradient.
     *
     * @return true for FLOAT32 and FLOAT64, false for INT64
     */
    public boolean isFloatingPoint() {
        return this != INT64;
    }

    /**
     * The type two types combine to: an integer takes the floating type; two floating types give FLOAT64 if either is.
     */
    static DType promote(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a == INT64 || b == INT64) {
            return a == INT64 ? b : a;
        }
        return FLOAT64;
    }

    /**
     * The type of a binary op's result, by PyTorch's rule (the one place it is decided for elementwise ops, where,
     * maximum/minimum, comparisons and concat): operands with dimensions outrank 0-d ones, so a 0-d operand only
     * counts when both are 0-d, or when it is floating and the operands with dimensions are INT64 (a higher category).
     */
    static DType result(Tensor x, Tensor y) {
        return x.dtype == y.dtype ? x.dtype : result(new Tensor[] {x, y});
    }

    /** {@link #result(Tensor, Tensor)} over several operands: the operands with dimensions decide, if any has them. */
    static DType result(Tensor[] xs) {
        DType dims = null;
        DType scalars = null;
        for (Tensor x : xs) {
            if (x.shape.length > 0) {
                dims = dims == null ? x.dtype : promote(dims, x.dtype);
            } else {
                scalars = scalars == null ? x.dtype : promote(scalars, x.dtype);
            }
        }
        if (dims == null) {
            return scalars;
        }
        return dims == INT64 && scalars != null && scalars != INT64 ? scalars : dims;
    }

    /** {@code x} in {@code type}: itself, or an unrecorded copy (ops convert a 0-d operand the rule outranked). */
    static Tensor convert(Tensor x, DType type) {
        return x.dtype == type ? x : type == FLOAT32 ? new Tensor(Kernels.narrow(x.values()), x.shape)
                : new Tensor(x.data != null ? x.data.clone() : x.values(), x.shape, type);
    }

    /**
     * Refuses values an INT64 tensor cannot hold: not a whole number, or beyond ±2<sup>53</sup> (see the INT64 note).
     *
     * @throws IllegalArgumentException naming {@code op}, the first bad value and its position
     */
    static void checkWhole(String op, double[] values) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v) || Math.abs(v) > MAX_EXACT) {
                throw new IllegalArgumentException(op + ": value " + v + " at position " + i + (v != Math.rint(v)
                        ? " is not a whole number; INT64 tensors hold whole numbers within ±2^53"
                        : " is beyond ±2^53 (9007199254740992), where doubles stop holding every integer; compute in"
                        + " FLOAT64 instead"));
            }
        }
    }
}
