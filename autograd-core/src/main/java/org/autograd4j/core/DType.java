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
 * <p>Combining the two types promotes to FLOAT64, as in PyTorch; a Java {@code double} operand keeps the tensor's type.
 * As in PyTorch, a 0-d tensor does not decide the type when the other operand has dimensions: {@code float32 [2] *
 * float64 0-d} is FLOAT32 (the 0-d operand is rounded to float first), as a Java {@code double} would be; two 0-d
 * tensors, or two with dimensions, promote as usual.
 */
public enum DType {
    /** IEEE-754 single precision. */
    FLOAT32,
    /** IEEE-754 double precision: the type of the numerical oracle and of {@link Tensor#of(double[], long...)}. */
    FLOAT64;

    /** The type two types combine to: FLOAT64 if either is. */
    static DType promote(DType a, DType b) {
        return a == FLOAT64 || b == FLOAT64 ? FLOAT64 : FLOAT32;
    }

    /**
     * The type of a binary op's result, by PyTorch's rule (the one place it is decided for elementwise ops, where,
     * maximum/minimum, comparisons and concat): operands with dimensions outrank 0-d ones, so a 0-d operand only
     * counts when both are 0-d.
     */
    static DType result(Tensor x, Tensor y) {
        if (x.dtype == y.dtype) {
            return x.dtype;
        }
        boolean xDims = x.shape.length > 0;
        if (xDims != (y.shape.length > 0)) {
            return xDims ? x.dtype : y.dtype;
        }
        return FLOAT64;
    }

    /** {@link #result(Tensor, Tensor)} over several operands: the operands with dimensions decide, if any has them. */
    static DType result(Tensor[] xs) {
        boolean anyDims = false;
        for (Tensor x : xs) {
            anyDims |= x.shape.length > 0;
        }
        DType type = null;
        for (Tensor x : xs) {
            if (!anyDims || x.shape.length > 0) {
                type = type == null ? x.dtype : promote(type, x.dtype);
            }
        }
        return type;
    }

    /** {@code x} in {@code type}: itself, or an unrecorded copy (ops convert a 0-d operand the rule outranked). */
    static Tensor convert(Tensor x, DType type) {
        return x.dtype == type ? x : type == FLOAT32 ? new Tensor(Kernels.narrow(x.values()), x.shape)
                : new Tensor(x.values(), x.shape, FLOAT64);
    }
}
