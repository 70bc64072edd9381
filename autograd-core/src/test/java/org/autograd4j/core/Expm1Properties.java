package org.autograd4j.core;

import org.quicktheories.core.Gen;

/** {@link Expm1}: {@code e^x - 1}. */
class Expm1Properties extends ElementwiseProperties {
    @Override
    Gen<Double> values() {
        return TensorGen.uniform(-3, 3);
    }

    @Override
    Tensor apply(Tensor x) {
        return x.expm1();
    }

    @Override
    double reference(double x) {
        return Math.exp(x) - 1;
    }
}
