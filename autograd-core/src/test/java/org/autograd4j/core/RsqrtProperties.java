package org.autograd4j.core;

import org.quicktheories.core.Gen;

/** {@code rsqrt}, a composite ({@link Pow} with exponent -1/2), above 0. */
class RsqrtProperties extends ElementwiseProperties {
    @Override
    Gen<Double> values() {
        return TensorGen.uniform(0.2, 4);
    }

    @Override
    Tensor apply(Tensor x) {
        return x.rsqrt();
    }

    @Override
    double reference(double x) {
        return 1 / Math.sqrt(x);
    }
}
