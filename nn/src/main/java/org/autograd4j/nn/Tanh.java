package org.autograd4j.nn;

import org.autograd4j.core.Tensor;

/**
 * The hyperbolic tangent, elementwise: {@code y = tanh(x)}. Input and output have any shape, the same one. No
 * parameters.
 */
public final class Tanh extends Module {
    /** Creates the module. */
    public Tanh() {
    }

    /**
     * Applies the activation elementwise.
     *
     * @param x any shape, e.g. {@code [batch, features]}
     * @return the same shape
     */
    @Override
    public Tensor forward(Tensor x) {
        Checks.input("Tanh", x);
        return x.tanh();
    }

    /** {@code Tanh{}}: no configuration. */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of("Tanh");
    }
}
