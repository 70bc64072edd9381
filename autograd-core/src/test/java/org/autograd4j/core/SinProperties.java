package org.autograd4j.core;

import org.quicktheories.core.Gen;

/** {@link Sin}: the sine, over more than a period. */
class SinProperties extends ElementwiseProperties {
    @Override
    Gen<Double> values() {
        return TensorGen.uniform(-4, 4);
    }

    @Override
    Tensor apply(Tensor x) {
        return x.sin();
    }

    @Override
    double reference(double x) {
        return Math.sin(x);
    }
}
