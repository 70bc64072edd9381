package org.autograd4j.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.autograd4j.core.Tensor;

/**
 * A multi-layer perceptron: {@link Linear} layers of the given sizes, each hidden one followed by the hidden activation
 * (and {@link Dropout} if {@code p > 0}), the last one by the output activation (none for {@link Activation#NONE}).
 * The layers live in a {@link Sequential} named {@code layers}, so the parameters are named {@code layers.0.weight},
 * {@code layers.0.bias}, {@code layers.2.weight}, ... Each weight is initialised for the activation that follows it
 * ({@link Activation#init()}), every bias with zeros.
 *
 * <pre>{@code
 * Mlp net = Mlp.builder().sizes(30, 64, 32, 2).hiddenActivation(Activation.RELU)
 *         .outputActivation(Activation.NONE).dropout(0.1).seed(42).build();
 * Tensor logits = net.forward(x);   // x [batch, 30] -> [batch, 2]
 * }</pre>
 */
public final class Mlp extends Module {
    private final int[] sizes;
    private final Activation hidden;
    private final Activation output;
    private final double dropout;
    private final boolean bias;
    private final Sequential layers;

    private Mlp(Builder b) {
        this.sizes = b.sizes.clone();
        this.hidden = b.hidden;
        this.output = b.output;
        this.dropout = b.dropout;
        this.bias = b.bias;
        Random rng = b.seeded ? new Random(b.seed) : Seeds.newRandom();
        List<Module> list = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            boolean last = i + 2 == sizes.length;
            Activation next = last ? output : hidden;
            list.add(new Linear(sizes[i], sizes[i + 1], bias, next.init(), rng));
            if (next != Activation.NONE) {
                list.add(next.module());
            }
            if (!last && dropout > 0) {
                list.add(new Dropout(dropout, new Random(rng.nextLong())));
            }
        }
        this.layers = registerModule("layers", new Sequential(list));
    }

    /**
     * A builder; {@link Builder#sizes} is required, everything else has a default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The layer sizes, input first: {@code [in, hidden..., out]}.
     *
     * @return a new array of at least two sizes
     */
    public int[] sizes() {
        return sizes.clone();
    }

    /**
     * The activation after each hidden layer.
     *
     * @return the activation, not null
     */
    public Activation hiddenActivation() {
        return hidden;
    }

    /**
     * The activation after the last layer.
     *
     * @return the activation, {@link Activation#NONE} for logits
     */
    public Activation outputActivation() {
        return output;
    }

    /**
     * The dropout probability after each hidden activation (0: no dropout layers).
     *
     * @return the probability, in {@code [0, 1)}
     */
    public double dropout() {
        return dropout;
    }

    /**
     * Whether the linear layers have biases.
     *
     * @return true unless built with {@code bias(false)}
     */
    public boolean hasBias() {
        return bias;
    }

    /**
     * The layers, in order, as the {@link Sequential} registered under {@code layers}.
     *
     * @return the registered sub-module itself
     */
    public Sequential layers() {
        return layers;
    }

    /**
     * Applies the layers.
     *
     * @param x shape {@code [batch, sizes[0]]}
     * @return shape {@code [batch, sizes[last]]}
     * @throws IllegalArgumentException if {@code x} is not of shape {@code [batch, sizes[0]]}
     */
    @Override
    public Tensor forward(Tensor x) {
        Checks.input("Mlp", x);
        if (x.rank() != 2 || x.size(1) != sizes[0]) {
            throw new IllegalArgumentException("Mlp: expected input of shape [batch, " + sizes[0] + "], got "
                    + Checks.shape(x));
        }
        return layers.apply(x);
    }

    /** {@code Mlp{bias, dropout, hidden, output, sizes}}; the layers follow from it and are not listed. */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of("Mlp", Map.of("sizes", ModuleSpec.joinIntegers(sizes), "hidden", hidden.name(),
                "output", output.name(), "dropout", Double.toString(dropout), "bias", Boolean.toString(bias)));
    }

    /** Builds an {@link Mlp}; every setter checks its value at once. */
    public static final class Builder {
        private int[] sizes;
        private Activation hidden = Activation.RELU;
        private Activation output = Activation.NONE;
        private double dropout;
        private boolean bias = true;
        private boolean seeded;
        private long seed;

        private Builder() {
        }

        /**
         * The layer sizes, input first: {@code sizes(30, 64, 32, 2)} makes three linear layers 30→64→32→2.
         *
         * @param sizes at least two sizes, each at least 1
         * @return this builder
         * @throws IllegalArgumentException if fewer than two sizes are given or one is not positive
         */
        public Builder sizes(int... sizes) {
            if (sizes == null || sizes.length < 2) {
                throw new IllegalArgumentException("Mlp: sizes needs an input and an output size at least, got "
                        + (sizes == null ? "null" : java.util.Arrays.toString(sizes)));
            }
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] <= 0) {
                    throw new IllegalArgumentException("Mlp: size " + i + " must be > 0, got " + sizes[i] + " in "
                            + java.util.Arrays.toString(sizes));
                }
            }
            this.sizes = sizes.clone();
            return this;
        }

        /**
         * The activation after each hidden layer (default {@link Activation#RELU}).
         *
         * @param activation the activation, not null
         * @return this builder
         */
        public Builder hiddenActivation(Activation activation) {
            this.hidden = notNull("hiddenActivation", activation);
            return this;
        }

        /**
         * The activation after the last layer (default {@link Activation#NONE}: logits).
         *
         * @param activation the activation, not null
         * @return this builder
         */
        public Builder outputActivation(Activation activation) {
            this.output = notNull("outputActivation", activation);
            return this;
        }

        /**
         * The dropout probability after each hidden activation (default 0: none).
         *
         * @param p the probability of zeroing an element, in {@code [0, 1)}
         * @return this builder
         * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1)}
         */
        public Builder dropout(double p) {
            this.dropout = Checks.rate("Mlp", "dropout", p);
            return this;
        }

        /**
         * Whether the linear layers have biases (default true).
         *
         * @param bias whether to add biases
         * @return this builder
         */
        public Builder bias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /**
         * The seed of the weights and dropout masks (default: the global {@link Seeds}, unseeded if none is set).
         *
         * @param seed any value; the same seed gives the same weights
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            this.seeded = true;
            return this;
        }

        /**
         * Builds the network.
         *
         * @return a new network in training mode
         * @throws IllegalStateException if {@link #sizes} was not called
         */
        public Mlp build() {
            if (sizes == null) {
                throw new IllegalStateException("Mlp: call sizes(...) before build()");
            }
            return new Mlp(this);
        }

        private static Activation notNull(String what, Activation a) {
            if (a == null) {
                throw new IllegalArgumentException("Mlp: " + what + " must not be null (use Activation.NONE)");
            }
            return a;
        }
    }
}
