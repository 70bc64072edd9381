package org.autograd4j.core;

import org.quicktheories.core.Gen;

/** {@link Log1p}: {@code log(1 + x)} above -1 (the pole). */
class Log1pProperties extends ElementwiseProperties {
    @Override
    Gen<Double> values() {
        return TensorGen.uniform(-0.9, 3);
    }

    @Override
    Tensor apply(Tensor x) {
        return x.log1p();
    }

    @Override
    double reference(double x) {
        return Math.log(1 + x);
    }
}
