package org.autograd4j.nn;

import org.autograd4j.core.Tensor;

/**
 * The logistic function, elementwise: {@code y = 1 / (1 + e^-x)}, stable for large |x|. Input and output have any
 * shape, the same one. No parameters.
 */
public final class Sigmoid extends Module {
    /** Creates the module. */
    public Sigmoid() {
    }

    /**
     * Applies the activation elementwise.
     *
     * @param x any shape, e.g. {@code [batch, features]}
     * @return the same shape
     */
    @Override
    public Tensor forward(Tensor x) {
        Checks.input("Sigmoid", x);
        return x.sigmoid();
    }

    /** {@code Sigmoid{}}: no configuration. */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of("Sigmoid");
    }
}
