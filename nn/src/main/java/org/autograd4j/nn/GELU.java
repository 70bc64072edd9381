package org.autograd4j.nn;

import java.util.Map;
import org.autograd4j.core.Tensor;

/**
 * The Gaussian error linear unit, elementwise: exactly {@code y = 0.5·x·(1 + erf(x / √2))} (PyTorch's default), or
 * with {@code tanhApproximation} {@code y = 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))} (PyTorch's
 * {@code approximate='tanh'}). Input and output have any shape, the same one. No parameters.
 */
public final class GELU extends Module {
    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
    private final boolean tanhApproximation;

    /** The exact GELU. */
    public GELU() {
        this(false);
    }

    /**
     * The exact GELU, or its tanh approximation if {@code tanhApproximation}.
     *
     * @param tanhApproximation whether to use PyTorch's {@code approximate='tanh'} formula
     */
    public GELU(boolean tanhApproximation) {
        this.tanhApproximation = tanhApproximation;
    }

    /**
     * Whether this module uses the tanh approximation.
     *
     * @return true for the tanh approximation, false for the exact GELU
     */
    public boolean tanhApproximation() {
        return tanhApproximation;
    }

    /**
     * Applies the activation elementwise.
     *
     * @param x any shape
     * @return the same shape
     */
    @Override
    public Tensor forward(Tensor x) {
        Checks.input("GELU", x);
        Tensor inner = tanhApproximation
                ? x.add(x.pow(3).mul(0.044715)).mul(SQRT_2_OVER_PI).tanh()
                : x.mul(INV_SQRT2).erf();
        return x.mul(inner.add(1.0)).mul(0.5);
    }

    /** {@code GELU{tanhApproximation}}. */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of("GELU", Map.of("tanhApproximation", Boolean.toString(tanhApproximation)));
    }
}
