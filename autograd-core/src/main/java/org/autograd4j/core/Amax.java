package org.autograd4j.core;

/**
 * The maximum (or minimum) over a set of axes, PyTorch's {@code amax}/{@code amin}: {@code d/dx_i amax(x) = [x_i =
 * amax(x)] / (number of ties)}, so tied extremes share the gradient evenly (where {@link Max} gives it all to the
 * first). A NaN counts as the extreme, so it propagates.
 */
final class Amax extends Node {
    private final int[] axes;
    private final int[] keptShape;
    private final boolean min;

    private Amax(Tensor x, int[] axes, int[] keptShape, boolean min) {
        super(x);
        this.axes = axes;
        this.keptShape = keptShape;
        this.min = min;
    }

    /** Over {@code axes} (resolved, ascending; empty for a 0-d tensor). */
    static Tensor apply(Tensor x, int[] axes, boolean keepDims, boolean min) {
        String op = min ? "amin" : "amax";
        for (int a : axes) {
            if (x.shape[a] == 0) {
                throw new IllegalArgumentException(op + ": axis " + a + " of shape " + Shapes.str(x.shape)
                        + " is empty; an extreme of no elements is undefined");
            }
        }
        int[] kept = Arguments.reduced(x.shape, axes, true);
        double[] out = new double[Shapes.size(kept)];
        java.util.Arrays.fill(out, min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        int[] targets = Arguments.reductionTargets(x.shape, kept);
        double[] v = x.values();
        for (int e = 0; e < v.length; e++) {
            double cur = out[targets[e]];
            if (Double.isNaN(v[e]) || (min ? v[e] < cur : v[e] > cur)) {
                out[targets[e]] = Double.isNaN(cur) ? cur : v[e];
            }
        }
        Tensor result = new Tensor(out, Arguments.reduced(x.shape, axes, keepDims), x.dtype);
        return Node.recording(x) ? Node.attach(result, new Amax(x, axes, kept, min)) : result;
    }

    @Override
    boolean savesOutput() {
        return true;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor x = inputs[0];
        // the mask and the tie counts are constants (comparisons record nothing)
        Tensor hits = x.eq(out.view(keptShape)).to(gradOut.dtype);
        Tensor share = hits.div(Sum.apply(hits, axes, true));
        return new Tensor[] {Reshape.apply(gradOut, keptShape).mul(share)};
    }

    @Override
    String name() {
        return min ? "AminBackward" : "AmaxBackward";
    }
}
