package org.autograd4j.nn;

import java.util.Map;
import org.autograd4j.core.Tensor;

/**
 * The parametric ReLU: {@code y = x} for {@code x > 0}, {@code a·x} otherwise, with a learnable slope {@code a}
 * (parameter {@code weight}, as PyTorch names it, shape {@code [numParameters]}, starting at 0.25). With one parameter
 * the slope is shared by every element; with {@code numParameters = C} there is one slope per channel, axis 1 of the
 * input (PyTorch's channel axis: the features of {@code [batch, C]}).
 */
public final class PReLU extends Module {
    private final int numParameters;
    private final double init;

    /** One shared slope, starting at 0.25. */
    public PReLU() {
        this(1, Activation.PRELU_INIT);
    }

    /**
     * {@code numParameters} slopes (1, or the number of channels), each starting at {@code init}.
     *
     * @param numParameters the number of slopes, 1 or the number of channels
     * @param init every slope's initial value, finite (PyTorch's default is 0.25)
     * @throws IllegalArgumentException if {@code numParameters < 1} or {@code init} is not finite
     */
    public PReLU(int numParameters, double init) {
        if (numParameters < 1) {
            throw new IllegalArgumentException("PReLU: numParameters must be >= 1, got " + numParameters);
        }
        if (!Double.isFinite(init)) {
            throw new IllegalArgumentException("PReLU: init must be finite, got " + init);
        }
        this.numParameters = numParameters;
        this.init = init;
        registerParameter("weight", Tensor.full(init, numParameters));
    }

    /**
     * The learnable slopes, shape {@code [numParameters]}.
     *
     * @return the slope parameter itself (not a copy)
     */
    public Tensor slope() {
        return parameter("weight");
    }

    /**
     * The number of slopes.
     *
     * @return the number of slopes, at least 1
     */
    public int numParameters() {
        return numParameters;
    }

    /**
     * Applies the activation.
     *
     * @param x any shape with one slope; {@code [batch, C, ...]} with C slopes
     * @return the same shape
     * @throws IllegalArgumentException if there are C slopes and axis 1 of {@code x} is not of size C
     */
    @Override
    public Tensor forward(Tensor x) {
        return apply(x, parameter("weight"));
    }

    /**
     * The activation as a function of its input and slopes, as PyTorch's {@code torch.nn.functional.prelu}: for
     * replaying a network with other copies of its parameters (a gradient check), or for slopes you hold yourself.
     *
     * @param x     any shape with one slope; {@code [batch, C, ...]} with C slopes
     * @param slope shape {@code [1]} or {@code [C]}
     * @return the same shape as {@code x}
     * @throws IllegalArgumentException if {@code slope} is not 1-D, or has C > 1 slopes and axis 1 of {@code x} is not
     *                                  of size C
     */
    public static Tensor apply(Tensor x, Tensor slope) {
        Checks.input("PReLU", x);
        if (slope.rank() != 1 || slope.size(0) < 1) {
            throw new IllegalArgumentException("PReLU: slopes must have shape [n] with n >= 1, got "
                    + Checks.shape(slope));
        }
        long n = slope.size(0);
        Tensor a = slope;
        if (n > 1) {
            if (x.rank() < 2 || x.size(1) != n) {
                throw new IllegalArgumentException("PReLU: expected input of shape [batch, " + n + ", ...], got "
                        + Checks.shape(x));
            }
            long[] shape = new long[x.rank() - 1];
            java.util.Arrays.fill(shape, 1L);
            shape[0] = n;
            a = a.reshape(shape);
        }
        return Tensor.where(x.gt(0.0), x, x.mul(a));
    }

    /** {@code PReLU{init, numParameters}}; the slopes themselves are weights, saved with the others. */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of("PReLU", Map.of("numParameters", Integer.toString(numParameters),
                "init", Double.toString(init)));
    }
}
