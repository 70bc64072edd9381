package org.autograd4j.nn;

import java.util.Map;
import org.autograd4j.core.Tensor;

/**
 * The leaky rectified linear unit, elementwise: {@code y = x} for {@code x > 0}, {@code slope·x} otherwise. Input and
 * output have any shape, the same one. No parameters (see {@link PReLU} for a learnable slope).
 */
public final class LeakyReLU extends Module {
    private final double slope;

    /** A leaky ReLU with PyTorch's default slope, 0.01. */
    public LeakyReLU() {
        this(Activation.LEAKY_SLOPE);
    }

    /**
     * A leaky ReLU with the given negative slope.
     *
     * @param slope the factor for non-positive inputs, usually small (PyTorch's default is 0.01)
     * @throws IllegalArgumentException if {@code slope} is not finite
     */
    public LeakyReLU(double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("LeakyReLU: slope must be finite, got " + slope);
        }
        this.slope = slope;
    }

    /**
     * The negative slope.
     *
     * @return the slope
     */
    public double slope() {
        return slope;
    }

    /**
     * Applies the activation elementwise.
     *
     * @param x any shape
     * @return the same shape
     */
    @Override
    public Tensor forward(Tensor x) {
        return Checks.input("LeakyReLU", x).leakyRelu(slope);
    }

    /** {@code LeakyReLU{slope}}. */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of("LeakyReLU", Map.of("slope", Double.toString(slope)));
    }
}
