package org.autograd4j.nn;

import java.util.Map;
import org.autograd4j.core.Tensor;

/**
 * The exponential linear unit, elementwise: {@code y = x} for {@code x > 0}, {@code alpha·(e^x - 1)} otherwise,
 * composed from core ops (so its second derivative is available too). Input and output have any shape, the same one.
 * No parameters.
 */
public final class ELU extends Module {
    private final double alpha;

    /** An ELU with alpha 1, PyTorch's default. */
    public ELU() {
        this(1.0);
    }

    /**
     * An ELU with the given alpha (the value approached for very negative inputs is {@code -alpha}).
     *
     * @param alpha the scale of the negative part, greater than 0 (PyTorch's default is 1)
     * @throws IllegalArgumentException if {@code alpha} is not finite
     */
    public ELU(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("ELU: alpha must be finite, got " + alpha);
        }
        this.alpha = alpha;
    }

    /**
     * The scale of the negative part.
     *
     * @return alpha, greater than 0
     */
    public double alpha() {
        return alpha;
    }

    /**
     * Applies the activation elementwise.
     *
     * @param x any shape
     * @return the same shape
     */
    @Override
    public Tensor forward(Tensor x) {
        Checks.input("ELU", x);
        // exp of min(x, 0), not of x: the branch where() drops must stay finite, or its zero gradient times e^x = inf
        // would give NaN for large positive inputs.
        Tensor negative = x.clamp(Double.NEGATIVE_INFINITY, 0.0).exp().sub(1.0).mul(alpha);
        return Tensor.where(x.gt(0.0), x, negative);
    }

    /** {@code ELU{alpha}}. */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of("ELU", Map.of("alpha", Double.toString(alpha)));
    }
}
