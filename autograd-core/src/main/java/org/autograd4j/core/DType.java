package org.autograd4j.core;

/**
 * The element type of a {@link Tensor}.
 *
 * <p>Both types are held in a Java {@code double[]} (see the README, "Storage"): a FLOAT32 tensor's values are rounded
 * to the nearest float after every operation, so it computes what float32 arithmetic computes for the basic operations
 * (a double result rounded to float equals the float result for {@code + - * / sqrt}), while reductions accumulate in
 * double and are at least as accurate. Matrix products of FLOAT32 tensors run in single precision (sgemm).
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
