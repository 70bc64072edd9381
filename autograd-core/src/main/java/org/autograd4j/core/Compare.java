package org.autograd4j.core;

import java.util.function.DoubleBinaryOperator;

/** The comparisons {@code gt, ge, lt, le, eq}: 0/1 masks, broadcasting, never part of a graph. Not an op. */
final class Compare {
    private Compare() {
    }

    static Tensor apply(String op, Tensor x, Tensor y, DoubleBinaryOperator test) {
        int[] shape = Broadcasting.shape(op, x.shape, y.shape);
        DType type = DType.result(x, y);
        // compared in the result's type, as PyTorch: 0.1f > 0.1 as a FLOAT64 0-d is false
        Tensor a = DType.convert(x, type);
        Tensor b = DType.convert(y, type);
        if (Capture.current() != null && (a != x || b != y)) {
            // the converted operand is a copy made now: refused, as the capture refuses any value made outside it
            Capture.refuse(op, "between a FLOAT32 and a FLOAT64 operand (convert one with to())");
        }
        return Recorded.zip(op, a, b, shape, type, test);
    }
}
