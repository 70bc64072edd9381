package org.autograd4j.nn;

import org.autograd4j.core.Tensor;

/**
 * The rectified linear unit, elementwise: {@code y = max(x, 0)}; its gradient at 0 is 0. Input and output have any
 * shape, the same one. No parameters.
 */
public final class ReLU extends Module {
    /** Creates the module. */
    public ReLU() {
    }

    /**
     * Applies the activation elementwise.
     *
     * @param x any shape, e.g. {@code [batch, features]}
     * @return the same shape
     */
    @Override
    public Tensor forward(Tensor x) {
        Checks.input("ReLU", x);
        return x.relu();
    }

    /** {@code ReLU{}}: no configuration. */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of("ReLU");
    }
}
