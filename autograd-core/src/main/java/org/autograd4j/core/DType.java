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
 */
public enum DType {
    /** IEEE-754 single precision. */
    FLOAT32,
    /** IEEE-754 double precision: the type of the numerical oracle and of {@link Tensor#of(double[], long...)}. */
    FLOAT64;

    /** The type two operands combine to: FLOAT64 if either is. */
    static DType promote(DType a, DType b) {
        return a == FLOAT64 || b == FLOAT64 ? FLOAT64 : FLOAT32;
    }
}
