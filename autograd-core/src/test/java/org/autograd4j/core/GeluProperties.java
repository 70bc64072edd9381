package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Gelu}, exact (here) and with the tanh approximation ({@link Tanh}). */
class GeluProperties extends ElementwiseProperties {
    @Override
    Gen<Double> values() {
        return TensorGen.uniform(-4, 4);
    }

    @Override
    Tensor apply(Tensor x) {
        return x.gelu();
    }

    /** {@code x · Φ(x)} with erf by Simpson's rule ({@link ErfProperties#reference}). */
    @Override
    double reference(double x) {
        return 0.5 * x * (1 + ErfProperties.reference(x / Math.sqrt(2)));
    }

    @Test
    void defaultIsExactAndNullIsRefused() {
        Tensor x = Tensor.of(new double[] {-2, 0.5, 3});
        assertEquals(x.gelu(GeluApproximation.NONE).toString(), x.gelu().toString());
        ErrorMessagesTest.argument("gelu: approximation must not be null (NONE or TANH)", () -> x.gelu(null));
    }

    /** The tanh approximation: {@code x/2 · (1 + tanh(√(2/π) (x + 0.044715 x³)))}. */
    @Nested
    class Tanh extends ElementwiseProperties {
        @Override
        Gen<Double> values() {
            return TensorGen.uniform(-4, 4);
        }

        @Override
        Tensor apply(Tensor x) {
            return x.gelu(GeluApproximation.TANH);
        }

        @Override
        double reference(double x) {
            return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
        }
    }
}
