package org.autograd4j.nn;

import org.autograd4j.core.Tensor;

/**
 * The identity, {@code y = x}: the module of {@link Activation#NONE}. Input and output have any shape, the same one.
 * No parameters.
 */
public final class Identity extends Module {
    /** Creates the module. */
    public Identity() {
    }

    /**
     * Returns the input.
     *
     * @param x any shape, e.g. {@code [batch, features]}
     * @return the same shape
     */
    @Override
    public Tensor forward(Tensor x) {
        Checks.input("Identity", x);
        return x;
    }

    /** {@code Identity{}}: no configuration. */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of("Identity");
    }
}
