package org.autograd4j.nn;

/**
 * The activations an {@link Mlp} (or {@link Linear#Linear(int, int, Activation, java.util.Random)}) can be built
 * with: each maps to a module and to the initialisation that suits the layer feeding it (He for the ReLU family,
 * Xavier/Glorot for the rest), with PyTorch's gains.
 */
public enum Activation {
    /** No activation: {@link Identity}; Xavier, gain 1. */
    NONE,
    /** {@link ReLU}; He, gain √2. */
    RELU,
    /** {@link LeakyReLU} with slope 0.01 (PyTorch's default); He, gain √(2 / (1 + 0.01²)). */
    LEAKY_RELU,
    /** {@link PReLU} with one learnable slope starting at 0.25; He, gain √(2 / (1 + 0.25²)). */
    PRELU,
    /** {@link ELU} with alpha 1; He, gain √2 (ReLU's, as ELU is linear for positive inputs). */
    ELU,
    /** {@link GELU}, exact form; He, gain √2. */
    GELU,
    /** {@link Tanh}; Xavier, gain 5/3. */
    TANH,
    /** {@link Sigmoid}; Xavier, gain 1. */
    SIGMOID,
    /** {@link Softmax} over the last axis; Xavier, gain 1. */
    SOFTMAX,
    /** {@link LogSoftmax} over the last axis; Xavier, gain 1. */
    LOG_SOFTMAX;

    /** The negative slope of {@link #LEAKY_RELU}. */
    public static final double LEAKY_SLOPE = 0.01;
    /** The initial slope of {@link #PRELU}. */
    public static final double PRELU_INIT = 0.25;

    /**
     * A new module computing this activation (a new {@link PReLU} has its own slope parameter).
     *
     * @return a new module, with no parameters except a PReLU's slope
     */
    public Module module() {
        return switch (this) {
            case NONE -> new Identity();
            case RELU -> new ReLU();
            case LEAKY_RELU -> new LeakyReLU(LEAKY_SLOPE);
            case PRELU -> new PReLU();
            case ELU -> new ELU(1.0);
            case GELU -> new GELU();
            case TANH -> new Tanh();
            case SIGMOID -> new Sigmoid();
            case SOFTMAX -> new Softmax(-1);
            case LOG_SOFTMAX -> new LogSoftmax(-1);
        };
    }

    /**
     * The gain of PyTorch's {@code calculate_gain} for this activation.
     *
     * @return the gain, greater than 0 (1 for linear and sigmoid, √2 for ReLU)
     */
    public double gain() {
        return switch (this) {
            case RELU, ELU, GELU -> Init.RELU_GAIN;
            case LEAKY_RELU -> Init.leakyReluGain(LEAKY_SLOPE);
            case PRELU -> Init.leakyReluGain(PRELU_INIT);
            case TANH -> Init.TANH_GAIN;
            case NONE, SIGMOID, SOFTMAX, LOG_SOFTMAX -> 1.0;
        };
    }

    /**
     * Whether this is a ReLU-like activation, initialised with He's scheme.
     *
     * @return true for RELU, LEAKY_RELU, PRELU, ELU and GELU
     */
    public boolean isReluFamily() {
        return switch (this) {
            case RELU, LEAKY_RELU, PRELU, ELU, GELU -> true;
            default -> false;
        };
    }

    /**
     * The initialisation for a layer followed by this activation: He or Xavier uniform, with {@link #gain()}.
     *
     * @return the scheme for the layer's weight
     */
    public Init init() {
        return isReluFamily() ? Init.heUniform(gain()) : Init.xavierUniform(gain());
    }
}
