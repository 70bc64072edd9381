package org.autograd4j.nn;

import java.util.Map;
import java.util.Random;
import org.autograd4j.core.Tensor;

/**
 * A fully connected layer: {@code y = x @ W + b}, with {@code x} of shape {@code [batch, in]}, weight {@code W} of
 * shape {@code [in, out]}, bias {@code b} of shape {@code [out]} and {@code y} of shape {@code [batch, out]}.
 *
 * <p><b>Layout note.</b> PyTorch's {@code nn.Linear} stores its weight as {@code [out, in]} and computes
 * {@code x @ W.T + b}; here the weight is stored {@code [in, out]} so the forward pass is a plain {@code matmul}
 * without a transpose. The values are the transpose of PyTorch's: to import a PyTorch weight, transpose it.
 *
 * <p>The weight is initialised for the activation that follows (He for the ReLU family, Xavier/Glorot otherwise; see
 * {@link Activation#init()}), the bias with zeros.
 *
 * <pre>{@code
 * Linear hidden = new Linear(30, 64, Activation.RELU, new Random(42));   // He uniform, gain √2
 * Tensor h = hidden.forward(x).relu();                                  // x [batch, 30] -> [batch, 64]
 * }</pre>
 */
public final class Linear extends Module {
    private final int in;
    private final int out;
    private final boolean bias;

    /**
     * A layer with a bias, initialised for a linear output (Xavier uniform, gain 1) from a generator of
     * {@link Seeds#newRandom()} (unseeded unless {@link Seeds#set} was called); pass a {@link Random} to another
     * constructor for weights of their own seed.
     *
     * @param in the number of input features, at least 1
     * @param out the number of output features, at least 1
     */
    public Linear(int in, int out) {
        this(in, out, true, Activation.NONE.init(), Seeds.newRandom());
    }

    /**
     * A layer with a bias, its weight initialised for the activation {@code next} that follows it.
     *
     * @param in the number of input features, at least 1
     * @param out the number of output features, at least 1
     * @param next the activation applied to this layer's output, which picks the initialisation
     * @param rng the source of the initial weights
     */
    public Linear(int in, int out, Activation next, Random rng) {
        this(in, out, true, checkNext(next).init(), rng);
    }

    /**
     * A layer with full control.
     *
     * @param in   input features, {@code > 0}
     * @param out  output features, {@code > 0}
     * @param bias whether to add a bias (parameter {@code bias}, zeros at first)
     * @param init how to fill the weight (parameter {@code weight}), with {@code fanIn = in}, {@code fanOut = out}
     * @param rng  the generator the weight is drawn from
     * @throws IllegalArgumentException if a size is not positive or {@code init} or {@code rng} is null
     */
    public Linear(int in, int out, boolean bias, Init init, Random rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear: in and out must be > 0, got in=" + in + ", out=" + out);
        }
        if (init == null || rng == null) {
            throw new IllegalArgumentException("Linear: init and rng must not be null");
        }
        this.in = in;
        this.out = out;
        this.bias = bias;
        registerParameter("weight", init.create(rng, in, out, in, out));
        if (bias) {
            registerParameter("bias", Tensor.zeros(out));
        }
    }

    private static Activation checkNext(Activation next) {
        if (next == null) {
            throw new IllegalArgumentException("Linear: activation must not be null (use Activation.NONE)");
        }
        return next;
    }

    /**
     * Input features.
     *
     * @return the size of the input's last axis
     */
    public int in() {
        return in;
    }

    /**
     * Output features.
     *
     * @return the size of the output's last axis
     */
    public int out() {
        return out;
    }

    /**
     * Whether the layer has a bias.
     *
     * @return true unless the layer was built without a bias
     */
    public boolean hasBias() {
        return bias;
    }

    /**
     * The weight, shape {@code [in, out]} (the transpose of PyTorch's layout).
     *
     * @return the weight parameter itself (not a copy)
     */
    public Tensor weight() {
        return parameter("weight");
    }

    /**
     * The bias, shape {@code [out]}; null if the layer has none.
     *
     * @return the bias parameter itself (not a copy), or null
     */
    public Tensor bias() {
        return bias ? parameter("bias") : null;
    }

    /**
     * Computes {@code x @ W + b}.
     *
     * @param x shape {@code [batch, in]} (or {@code [in]} for one sample, or {@code [n, batch, in]})
     * @return shape {@code [batch, out]} (respectively {@code [out]}, {@code [n, batch, out]})
     * @throws IllegalArgumentException if the last axis of {@code x} is not of size {@code in}
     */
    @Override
    public Tensor forward(Tensor x) {
        Checks.input("Linear", x);
        if (x.rank() < 1 || x.rank() > 3 || x.size(-1) != in) {
            throw new IllegalArgumentException("Linear: expected input of shape [batch, " + in + "], got "
                    + Checks.shape(x));
        }
        if (bias && x.rank() == 2) {
            return Tensor.addmm(parameter("bias"), x, parameter("weight"));
        }
        Tensor y = x.matmul(parameter("weight"));
        return bias ? y.add(parameter("bias")) : y;
    }

    /** {@code Linear{bias, in, out}}. */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of("Linear", Map.of("in", Integer.toString(in), "out", Integer.toString(out),
                "bias", Boolean.toString(bias)));
    }
}
