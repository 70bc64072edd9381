package org.autograd4j.core;

import org.quicktheories.core.Gen;

/** {@link Cos}: the cosine, over more than a period. */
class CosProperties extends ElementwiseProperties {
    @Override
    Gen<Double> values() {
        return TensorGen.uniform(-4, 4);
    }

    @Override
    Tensor apply(Tensor x) {
        return x.cos();
    }

    @Override
    double reference(double x) {
        return Math.cos(x);
    }
}
