package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Amax} (here) and {@code amin} ({@link Amin}) over sets of axes, on distinct values; ties pinned below. */
class AmaxProperties extends ReductionProperties {
    private static final Gen<AxesGen.Case> CASES = AxesGen.cases(TensorGen.shapes(0, 3), TensorGen::distinct);

    @Override
    Gen<AxesGen.Case> cases() {
        return CASES;
    }

    @Override
    Tensor apply(Tensor x, AxesGen.Case c) {
        return x.amax(c.axes(), c.keepDims());
    }

    @Override
    double reference(double[] values, AxesGen.Case c) {
        return java.util.Arrays.stream(values).max().getAsDouble();
    }

    /** The smallest element. */
    @Nested
    class Amin extends ReductionProperties {
        @Override
        Gen<AxesGen.Case> cases() {
            return CASES;
        }

        @Override
        Tensor apply(Tensor x, AxesGen.Case c) {
            return x.amin(c.axes(), c.keepDims());
        }

        @Override
        double reference(double[] values, AxesGen.Case c) {
            return java.util.Arrays.stream(values).min().getAsDouble();
        }
    }

    /** Tied extremes share the gradient evenly, as PyTorch's amax/amin (max(axis) gives it all to the first). */
    @Test
    void tiesShareTheGradient() {
        Tensor x = Tensor.of(new double[] {1, 3, 3, -2, -2, -2}, 2, 3).requiresGrad(true);
        x.amax(new int[] {1}, false).sum().backward();
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1 / 3.0, 1 / 3.0, 1 / 3.0}, x.grad().toDoubleArray(), 1e-15);
        Tensor y = Tensor.of(new double[] {1, 3, 1, 5}).requiresGrad(true);
        y.amin().backward();
        assertArrayEquals(new double[] {0.5, 0, 0.5, 0}, y.grad().toDoubleArray(), 0.0);
    }

    @Test
    void emptyAxisIsAnError() {
        ErrorMessagesTest.argument("amax: axis 0 of shape [0, 3] is empty; an extreme of no elements is undefined",
                () -> Tensor.zeros(0, 3).amax(new int[] {0}, false));
        ErrorMessagesTest.argument("amin: axis 3 is out of range for a tensor of rank 2",
                () -> Tensor.zeros(2, 3).amin(new int[] {3}, false));
    }
}
