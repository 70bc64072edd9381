package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@code logSigmoid}, a composite ({@code -softplus(-x)}), over a wide range. */
class LogSigmoidProperties extends ElementwiseProperties {
    @Override
    Gen<Double> values() {
        return TensorGen.uniform(-30, 30);
    }

    @Override
    Tensor apply(Tensor x) {
        return x.logSigmoid();
    }

    @Override
    double reference(double x) {
        return -Math.log1p(Math.exp(-x));
    }

    /** The tails, where {@code log(sigmoid(x))} would give -inf or lose every digit: values and gradients exact. */
    @Test
    void tailsAreExact() {
        Tensor x = Tensor.of(new double[] {-1000, -40, 40, 1000}).requiresGrad(true);
        Tensor y = x.logSigmoid();
        y.sum().backward();
        assertEquals(-1000.0, y.toDoubleArray()[0], 0.0);
        assertEquals(-40.0 - Math.exp(-40), y.toDoubleArray()[1], 1e-15);
        assertEquals(-Math.exp(-40), y.toDoubleArray()[2], 1e-30);
        assertEquals(0.0, y.toDoubleArray()[3], 0.0);
        double[] g = x.grad().toDoubleArray();
        assertEquals(1.0, g[0], 0.0);
        assertEquals(1.0, g[1], 0.0);
        assertEquals(Math.exp(-40), g[2], 1e-30);
        assertEquals(0.0, g[3], 0.0);
    }
}
