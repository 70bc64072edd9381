package org.autograd4j.nn;

import java.util.Arrays;
import java.util.Random;
import org.autograd4j.core.Tensor;

/**
 * How a weight tensor is filled before training, with PyTorch's formulas ({@code torch.nn.init}), reproducible from a
 * {@link Random}: the same generator state gives the same values.
 *
 * <ul>
 *   <li>Xavier/Glorot uniform: {@code U(-a, a)}, {@code a = gain·√(6 / (fanIn + fanOut))}; normal:
 *       {@code N(0, std²)}, {@code std = gain·√(2 / (fanIn + fanOut))}. Suits tanh, sigmoid and linear outputs.</li>
 *   <li>He/Kaiming (mode fan_in) uniform: {@code U(-b, b)}, {@code b = gain·√(3 / fanIn)}; normal:
 *       {@code std = gain / √fanIn}. Suits the ReLU family.</li>
 *   <li>Gains, as PyTorch's {@code calculate_gain}: linear and sigmoid 1, tanh 5/3, ReLU √2, leaky ReLU with slope
 *       {@code s} {@code √(2 / (1 + s²))}; see {@link Activation#gain()}.</li>
 * </ul>
 *
 * <p>Fans are passed explicitly. For a {@link Linear} weight, stored as {@code [in, out]}, {@code fanIn = in} and
 * {@code fanOut = out} (PyTorch reads the same fans from its {@code [out, in]} layout).
 *
 * <pre>{@code
 * Tensor w = Init.heUniform().create(new Random(42), 784, 128, 784, 128);   // shape [784, 128]
 * }</pre>
 */
@FunctionalInterface
public interface Init {
    /** The gain of ReLU, √2. */
    double RELU_GAIN = Math.sqrt(2.0);
    /** The gain of tanh, 5/3. */
    double TANH_GAIN = 5.0 / 3.0;

    /**
     * A new FLOAT64 tensor of {@code shape} filled by this scheme.
     *
     * @param rng    the source of randomness (advanced by one draw per element, for random schemes)
     * @param fanIn  inputs feeding each output unit
     * @param fanOut outputs fed by each input unit
     * @param shape  the tensor's shape
     * @return a new FLOAT64 tensor of {@code shape}
     */
    Tensor create(Random rng, long fanIn, long fanOut, long... shape);

    /**
     * Xavier/Glorot uniform with gain 1.
     *
     * @return the scheme, stateless and reusable
     */
    static Init xavierUniform() {
        return xavierUniform(1.0);
    }

    /**
     * Xavier/Glorot uniform: {@code U(-a, a)} with {@code a = gain·√(6 / (fanIn + fanOut))}.
     *
     * @param gain the factor for the activation that follows (1 for linear or sigmoid, √2 for ReLU), greater than 0
     * @return the scheme, stateless and reusable
     */
    static Init xavierUniform(double gain) {
        checkGain("xavierUniform", gain);
        return (rng, fanIn, fanOut, shape) -> uniform(rng, gain * Math.sqrt(6.0 / fans(fanIn, fanOut)), shape);
    }

    /**
     * Xavier/Glorot normal with gain 1.
     *
     * @return the scheme, stateless and reusable
     */
    static Init xavierNormal() {
        return xavierNormal(1.0);
    }

    /**
     * Xavier/Glorot normal: {@code N(0, std²)} with {@code std = gain·√(2 / (fanIn + fanOut))}.
     *
     * @param gain the factor for the activation that follows (1 for linear or sigmoid, √2 for ReLU), greater than 0
     * @return the scheme, stateless and reusable
     */
    static Init xavierNormal(double gain) {
        checkGain("xavierNormal", gain);
        return (rng, fanIn, fanOut, shape) -> normal(rng, gain * Math.sqrt(2.0 / fans(fanIn, fanOut)), shape);
    }

    /**
     * He/Kaiming uniform for ReLU (gain √2).
     *
     * @return the scheme, stateless and reusable
     */
    static Init heUniform() {
        return heUniform(RELU_GAIN);
    }

    /**
     * He/Kaiming uniform, mode fan_in: {@code U(-b, b)} with {@code b = gain·√(3 / fanIn)}.
     *
     * @param gain the factor for the activation that follows (1 for linear or sigmoid, √2 for ReLU), greater than 0
     * @return the scheme, stateless and reusable
     */
    static Init heUniform(double gain) {
        checkGain("heUniform", gain);
        return (rng, fanIn, fanOut, shape) -> uniform(rng, gain * Math.sqrt(3.0 / fan(fanIn)), shape);
    }

    /**
     * The same as {@link #heUniform(double)}, under PyTorch's name.
     *
     * @param gain the factor for the activation that follows (1 for linear or sigmoid, √2 for ReLU), greater than 0
     * @return the scheme, stateless and reusable
     */
    static Init kaimingUniform(double gain) {
        return heUniform(gain);
    }

    /**
     * He/Kaiming normal for ReLU (gain √2).
     *
     * @return the scheme, stateless and reusable
     */
    static Init heNormal() {
        return heNormal(RELU_GAIN);
    }

    /**
     * He/Kaiming normal, mode fan_in: {@code N(0, std²)} with {@code std = gain / √fanIn}.
     *
     * @param gain the factor for the activation that follows (1 for linear or sigmoid, √2 for ReLU), greater than 0
     * @return the scheme, stateless and reusable
     */
    static Init heNormal(double gain) {
        checkGain("heNormal", gain);
        return (rng, fanIn, fanOut, shape) -> normal(rng, gain / Math.sqrt(fan(fanIn)), shape);
    }

    /**
     * The same as {@link #heNormal(double)}, under PyTorch's name.
     *
     * @param gain the factor for the activation that follows (1 for linear or sigmoid, √2 for ReLU), greater than 0
     * @return the scheme, stateless and reusable
     */
    static Init kaimingNormal(double gain) {
        return heNormal(gain);
    }

    /**
     * All zeros (draws nothing from the generator).
     *
     * @return the scheme, stateless and reusable
     */
    static Init zeros() {
        return constant(0.0);
    }

    /**
     * Every element {@code value} (draws nothing from the generator).
     *
     * @param value every element's value
     * @return the scheme, stateless and reusable
     */
    static Init constant(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Init.constant: value must be finite, got " + value);
        }
        return (rng, fanIn, fanOut, shape) -> Tensor.full(value, shape);
    }

    /**
     * The gain of a leaky ReLU with negative slope {@code slope}: {@code √(2 / (1 + slope²))}.
     *
     * @param slope the leaky ReLU's negative slope, usually small and at least 0
     * @return the gain, at most √2
     */
    static double leakyReluGain(double slope) {
        return Math.sqrt(2.0 / (1.0 + slope * slope));
    }

    private static void checkGain(String op, double gain) {
        if (!(gain > 0) || Double.isInfinite(gain)) {
            throw new IllegalArgumentException("Init." + op + ": gain must be a positive finite number, got " + gain);
        }
    }

    private static double fan(long fanIn) {
        if (fanIn <= 0) {
            throw new IllegalArgumentException("Init: fanIn must be > 0, got " + fanIn);
        }
        return fanIn;
    }

    private static double fans(long fanIn, long fanOut) {
        if (fanIn <= 0 || fanOut <= 0) {
            throw new IllegalArgumentException("Init: fans must be > 0, got fanIn=" + fanIn + ", fanOut=" + fanOut);
        }
        return fanIn + fanOut;
    }

    private static Tensor uniform(Random rng, double bound, long[] shape) {
        double[] v = values(shape);
        for (int i = 0; i < v.length; i++) {
            v[i] = (2.0 * rng.nextDouble() - 1.0) * bound;
        }
        return Tensor.of(v, shape);
    }

    private static Tensor normal(Random rng, double std, long[] shape) {
        double[] v = values(shape);
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian() * std;
        }
        return Tensor.of(v, shape);
    }

    private static double[] values(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Init: negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Init: shape " + Arrays.toString(shape) + " is too large");
        }
        return new double[(int) n];
    }
}
