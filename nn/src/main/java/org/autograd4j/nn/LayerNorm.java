package org.autograd4j.nn;

import java.util.Arrays;
import java.util.Map;
import org.autograd4j.core.Tensor;

/**
 * Layer normalisation, as PyTorch's {@code nn.LayerNorm}: each sample is normalised over its last axes, those of
 * {@code normalizedShape}: {@code y = (x - mean) / sqrt(var + eps) * weight + bias}, with the mean and the biased
 * variance (dividing by n) taken over those axes. It behaves the same in training and evaluation mode and keeps no
 * running statistics. Parameters {@code weight} (ones) and {@code bias} (zeros) of shape {@code normalizedShape},
 * unless {@code elementwiseAffine} is false. Gradients of every order come from the Tensor ops it is composed of.
 *
 * <pre>{@code
 * LayerNorm norm = new LayerNorm(64);   // x [batch, 64] -> each row with mean 0 and variance 1, then scaled
 * }</pre>
 */
public final class LayerNorm extends Module {
    private static final String OP = "LayerNorm";
    private final long[] normalizedShape;
    private final long count;
    private final double eps;
    private final boolean affine;

    /**
     * PyTorch's defaults ({@code eps 1e-5}, element-wise affine) over the last axes, of sizes {@code normalizedShape}.
     *
     * @param normalizedShape the sizes of the last axes normalised over, each at least 1
     */
    public LayerNorm(long... normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    /**
     * A layer with full control.
     *
     * @param normalizedShape   the sizes of the last axes to normalise over; at least one, each {@code > 0}
     * @param eps               added to the variance, finite and {@code > 0}
     * @param elementwiseAffine whether to learn {@code weight} and {@code bias}
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    public LayerNorm(long[] normalizedShape, double eps, boolean elementwiseAffine) {
        if (normalizedShape == null || normalizedShape.length == 0
                || Arrays.stream(normalizedShape).anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException(OP + ": normalizedShape must have at least one dimension, each > 0, got "
                    + Arrays.toString(normalizedShape));
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException(OP + ": eps must be finite and > 0, got " + eps);
        }
        this.normalizedShape = normalizedShape.clone();
        this.count = Arrays.stream(normalizedShape).reduce(1, (a, b) -> a * b);
        this.eps = eps;
        this.affine = elementwiseAffine;
        if (affine) {
            registerParameter("weight", Tensor.ones(this.normalizedShape));
            registerParameter("bias", Tensor.zeros(this.normalizedShape));
        }
    }

    /**
     * The shape of the normalised axes (a copy).
     *
     * @return a new array of the sizes
     */
    public long[] normalizedShape() {
        return normalizedShape.clone();
    }

    /**
     * Normalises each sample over its last axes.
     *
     * @param x shape {@code [..., normalizedShape...]}
     * @return the same shape
     * @throws IllegalArgumentException if the last axes of {@code x} are not {@code normalizedShape}
     */
    @Override
    public Tensor forward(Tensor x) {
        Checks.input(OP, x);
        long[] shape = x.shape();
        int k = normalizedShape.length;
        if (shape.length < k || !Arrays.equals(Arrays.copyOfRange(shape, shape.length - k, shape.length),
                normalizedShape)) {
            throw new IllegalArgumentException(OP + ": expected input of shape [..., "
                    + Arrays.toString(normalizedShape).replaceAll("[\\[\\]]", "") + "], got " + Checks.shape(x));
        }
        long[] rows = Arrays.copyOf(shape, shape.length - k + 1);
        rows[rows.length - 1] = count;
        Tensor flat = x.reshape(rows);
        Tensor mean = flat.mean(-1, true);
        Tensor centred = flat.sub(mean);
        Tensor var = centred.square().mean(-1, true);
        Tensor y = centred.div(var.add(eps).sqrt()).reshape(shape);
        if (affine) {
            y = y.mul(parameter("weight")).add(parameter("bias"));
        }
        return y;
    }

    /** {@code LayerNorm{elementwiseAffine, eps, normalizedShape}}. */
    @Override
    public ModuleSpec describe() {
        int[] dims = Arrays.stream(normalizedShape).mapToInt(Math::toIntExact).toArray();
        return ModuleSpec.of(OP, Map.of("normalizedShape", ModuleSpec.joinIntegers(dims), "eps", Double.toString(eps),
                "elementwiseAffine", Boolean.toString(affine)));
    }

    /** Rebuilds the layer {@link #describe()} described. */
    static LayerNorm of(ModuleSpec s) {
        long[] dims = Arrays.stream(s.integers("normalizedShape")).asLongStream().toArray();
        return new LayerNorm(dims, s.number("eps"), s.flag("elementwiseAffine"));
    }
}
