package org.autograd4j.core;

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
}
