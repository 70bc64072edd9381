package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@code var}, a composite ({@code Σ (x - mean)² / (n - correction)}), over sets of axes, corrections 0 and 1. */
class VarProperties extends ReductionProperties {
    /** Bessel's correction where there are two values at least, else the population variance. */
    static double correction(AxesGen.Case c) {
        return c.count() >= 2 ? c.x().length() % 2 : 0;
    }

    static double variance(double[] v, double correction) {
        double mean = Ref.sum(v) / v.length;
        double s = 0;
        for (double a : v) {
            s += (a - mean) * (a - mean);
        }
        return s / (v.length - correction);
    }

    @Override
    Gen<AxesGen.Case> cases() {
        return AxesGen.cases(TensorGen.uniform(-2, 2));
    }

    @Override
    Tensor apply(Tensor x, AxesGen.Case c) {
        return x.var(c.axes(), correction(c), c.keepDims());
    }

    @Override
    double reference(double[] values, AxesGen.Case c) {
        return variance(values, correction(c));
    }

    /** Bessel's correction by default, as PyTorch; one value gives NaN (0/0) and n < correction gives inf. */
    @Test
    void defaultsFollowPyTorch() {
        Tensor x = Tensor.of(new double[] {1, 2, 4, 7}, 2, 2);
        assertEquals(x.var(new int[] {0, 1}, 1, false).item(), x.var().item(), 0.0);
        assertEquals(variance(new double[] {1, 2, 4, 7}, 1), x.var().item(), 1e-15);
        assertEquals(x.var(new int[] {1}, 1, true).toString(), x.var(new int[] {1}, true).toString());
        assertTrue(Double.isNaN(Tensor.scalar(3).var().item()));
        assertEquals(Double.POSITIVE_INFINITY, x.var(new int[] {0}, 2, false).toDoubleArray()[0], 0.0);
        assertEquals(0.0, Tensor.of(new double[] {5, 5, 5}).var(new int[] {0}, 0, false).item(), 0.0);
    }

    @Test
    void badArgumentsNameTheOp() {
        Tensor x = Tensor.zeros(2, 3);
        ErrorMessagesTest.argument("var: correction must be finite and >= 0, got -1.0",
                () -> x.var(new int[] {0}, -1, false));
        ErrorMessagesTest.argument("std: axis 2 is out of range for a tensor of rank 2",
                () -> x.std(new int[] {2}, false));
        ErrorMessagesTest.argument("var: axis -1 appears twice in [1, -1] for a tensor of rank 2",
                () -> x.var(new int[] {1, -1}, false));
        ErrorMessagesTest.argument("var: axes must name at least one axis, got [] (reduce over all elements without"
                + " axes)", () -> x.var(new int[0], false));
    }
}
