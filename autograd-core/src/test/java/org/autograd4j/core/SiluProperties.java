package org.autograd4j.core;

import org.quicktheories.core.Gen;

/** {@code silu}, a composite ({@code x · σ(x)}). */
class SiluProperties extends ElementwiseProperties {
    @Override
    Gen<Double> values() {
        return TensorGen.uniform(-6, 6);
    }

    @Override
    Tensor apply(Tensor x) {
        return x.silu();
    }

    @Override
    double reference(double x) {
        return x / (1 + Math.exp(-x));
    }
}
