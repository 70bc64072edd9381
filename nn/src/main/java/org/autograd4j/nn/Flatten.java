package org.autograd4j.nn;

import java.util.Arrays;
import java.util.Map;
import org.autograd4j.core.Tensor;

/**
 * Flattens a range of axes into one, as PyTorch's {@code nn.Flatten}: by default every axis but the batch axis, so
 * {@code [batch, 1, 28, 28]} becomes {@code [batch, 784]}. Negative axes count from the end. No parameters.
 *
 * <pre>{@code
 * new Flatten().forward(images);   // [64, 1, 28, 28] -> [64, 784]
 * new Flatten(0, -1);              // everything into one axis
 * }</pre>
 */
public final class Flatten extends Module {
    private static final String OP = "Flatten";
    private final int startDim;
    private final int endDim;

    /** Flattens axes 1 to the last. */
    public Flatten() {
        this(1, -1);
    }

    /**
     * Flattens axes {@code startDim} to {@code endDim}, both included (checked against each input's rank).
     *
     * @param startDim the first axis merged; negative counts from the end
     * @param endDim the last axis merged, not before {@code startDim}; negative counts from the end
     * @throws IllegalArgumentException if both are non-negative or both negative and {@code startDim > endDim}
     */
    public Flatten(int startDim, int endDim) {
        if ((startDim >= 0) == (endDim >= 0) && startDim > endDim) {
            throw new IllegalArgumentException(OP + ": startDim must not come after endDim, got startDim="
                    + startDim + ", endDim=" + endDim);
        }
        this.startDim = startDim;
        this.endDim = endDim;
    }

    /**
     * Reshapes {@code x}, merging the axes from {@code startDim} to {@code endDim}.
     *
     * @param x shape {@code [d0, ..., dn]}
     * @return the shape with {@code d_start ... d_end} replaced by their product
     * @throws IllegalArgumentException if an axis is out of range for {@code x}, or the start comes after the end
     */
    @Override
    public Tensor forward(Tensor x) {
        Checks.input(OP, x);
        int r = Math.max(x.rank(), 1);
        int s = startDim < 0 ? startDim + r : startDim;
        int e = endDim < 0 ? endDim + r : endDim;
        if (s < 0 || s >= r || e < 0 || e >= r || s > e) {
            throw new IllegalArgumentException(OP + ": axes " + startDim + " to " + endDim
                    + " do not fit input of shape " + Checks.shape(x));
        }
        if (x.rank() == 0) {
            return x.reshape(1);
        }
        long[] shape = x.shape();
        long[] out = new long[shape.length - (e - s)];
        System.arraycopy(shape, 0, out, 0, s);
        out[s] = Arrays.stream(shape, s, e + 1).reduce(1, (a, b) -> a * b);
        System.arraycopy(shape, e + 1, out, s + 1, shape.length - e - 1);
        return x.reshape(out);
    }

    /** {@code Flatten{endDim, startDim}}. */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of(OP, Map.of("startDim", Integer.toString(startDim), "endDim", Integer.toString(endDim)));
    }
}
