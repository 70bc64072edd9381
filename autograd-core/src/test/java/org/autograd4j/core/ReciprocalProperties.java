package org.autograd4j.core;

import org.quicktheories.core.Gen;

/** {@code reciprocal}, a composite ({@code 1 / x} through {@link Div}), away from its pole. */
class ReciprocalProperties extends ElementwiseProperties {
    @Override
    Gen<Double> values() {
        return TensorGen.signed(0.3, 3);
    }

    @Override
    Tensor apply(Tensor x) {
        return x.reciprocal();
    }

    @Override
    double reference(double x) {
        return 1 / x;
    }
}
