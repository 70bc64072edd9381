package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Sign}: -1 or 1 away from 0, where the gradient is 0 as everywhere. */
class SignProperties extends ElementwiseProperties {
    @Override
    Gen<Double> values() {
        return TensorGen.signed(0.1, 3);
    }

    @Override
    Tensor apply(Tensor x) {
        return x.sign();
    }

    @Override
    double reference(double x) {
        return x > 0 ? 1 : -1;
    }

    /** PyTorch's values at the edges: 0 for ±0 and for NaN (NumPy would keep NaN); gradient 0 even for inf. */
    @Test
    void edgesFollowPyTorch() {
        Tensor x = Tensor.of(new double[] {0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY}).requiresGrad(true);
        Tensor y = x.sign();
        assertArrayEquals(new double[] {0, 0, 0, -1}, y.toDoubleArray(), 0.0);
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(y.toDoubleArray()[1]), "+0.0");
        y.backward(Tensor.full(Double.POSITIVE_INFINITY, 4));
        assertArrayEquals(new double[4], x.grad().toDoubleArray(), 0.0);
    }
}
