package org.autograd4j.core;

import java.util.function.DoubleBinaryOperator;

/** The comparisons {@code gt, ge, lt, le, eq}: 0/1 masks, broadcasting, never part of a graph. Not an op. */
final class Compare {
    private Compare() {
    }

    static Tensor apply(String op, Tensor x, Tensor y, DoubleBinaryOperator test) {
        int[] shape = Broadcasting.shape(op, x.shape, y.shape);
        return new Tensor(Kernels.zip(x, y, shape, test), shape, DType.promote(x.dtype, y.dtype));
    }
}
