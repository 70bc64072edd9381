package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Reductions and axis ops on 0-d tensors, as PyTorch: axis 0 and -1 name the one element, the result is 0-d (with or
 * without keepDims), and the gradient flows; any other axis is an error naming the op.
 */
class ScalarAxisTest {
    private static void check(String what, UnaryOperator<Tensor> op, double value, double grad) {
        Tensor x = Tensor.scalar(1.5).requiresGrad(true);
        Tensor y = op.apply(x);
        assertArrayEquals(new long[0], y.shape(), what + ": shape");
        assertEquals(value, y.item(), 1e-15, what + ": value");
        if (y.requiresGrad()) {
            assertEquals(grad, Autograd.grad(y, List.of(x), false).get(0).item(), 1e-15, what + ": gradient");
        }
    }

    @Test
    void axisZeroAndMinusOneNameTheElement() {
        for (int axis : new int[] {0, -1}) {
            for (boolean keep : new boolean[] {false, true}) {
                check("sum", x -> x.sum(axis, keep), 1.5, 1);
                check("sum axes", x -> x.sum(new int[] {axis}, keep), 1.5, 1);
                check("mean", x -> x.mean(axis, keep), 1.5, 1);
                check("mean axes", x -> x.mean(new int[] {axis}, keep), 1.5, 1);
                check("max", x -> x.max(axis, keep), 1.5, 1);
                check("min", x -> x.min(axis, keep), 1.5, 1);
                check("amax", x -> x.amax(new int[] {axis}, keep), 1.5, 1);
                check("amin", x -> x.amin(new int[] {axis}, keep), 1.5, 1);
                check("prod", x -> x.prod(new int[] {axis}, keep), 1.5, 1);
                check("norm", x -> x.norm(2, new int[] {axis}, keep), 1.5, 1);
                check("var", x -> x.var(new int[] {axis}, 0, keep), 0, 0);
                check("logSumExp", x -> x.logSumExp(axis, keep), 1.5, 1);
            }
            check("cumsum", x -> x.cumsum(axis), 1.5, 1);
            check("softmax", x -> x.softmax(axis), 1, 0);
            check("logSoftmax", x -> x.logSoftmax(axis), 0, 0);
            check("argmax", x -> x.argmax(axis), 0, 0);
            check("argmin", x -> x.argmin(axis), 0, 0);
        }
        check("logSumExp()", Tensor::logSumExp, 1.5, 1);
        check("prod()", Tensor::prod, 1.5, 1);
        check("amax()", Tensor::amax, 1.5, 1);
    }

    @Test
    void otherAxesAreErrors() {
        Tensor x = Tensor.scalar(1);
        String rank0 = " is out of range for a tensor of rank 0 (0 or -1 name its one element)";
        ErrorMessagesTest.argument("sum: axis 1" + rank0, () -> x.sum(1, false));
        ErrorMessagesTest.argument("mean: axis -2" + rank0, () -> x.mean(new int[] {-2}, false));
        ErrorMessagesTest.argument("max: axis 1" + rank0, () -> x.max(1, false));
        ErrorMessagesTest.argument("softmax: axis 2" + rank0, () -> x.softmax(2));
        ErrorMessagesTest.argument("argmin: axis 1" + rank0, () -> x.argmin(1));
    }
}
