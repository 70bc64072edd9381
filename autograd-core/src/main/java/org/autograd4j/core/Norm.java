package org.autograd4j.core;

/**
 * The Euclidean (p = 2, Frobenius) norm over a set of axes: {@code d/dx ‖x‖ = x / ‖x‖}, and 0 where the norm is 0 (the
 * subgradient PyTorch picks), not the NaN of {@code 0 / 0}. The backward divides by the norm with the zeros replaced
 * by 1 and then puts 0 there, so that its own derivative (second order) is finite, and 0 as PyTorch's, at the zero
 * vector too.
 */
final class Norm extends Node {
    private final int[] keptShape;

    private Norm(Tensor x, int[] keptShape) {
        super(x);
        this.keptShape = keptShape;
    }

    /** Over {@code axes} (resolved, ascending; empty for a 0-d tensor). */
    static Tensor apply(Tensor x, int[] axes, boolean keepDims) {
        int[] kept = Arguments.reduced(x.shape, axes, true);
        double[] out = new double[Shapes.size(kept)];
        int[] targets = Arguments.reductionTargets(x.shape, kept);
        double[] v = x.values();
        for (int e = 0; e < v.length; e++) {
            out[targets[e]] += v[e] * v[e];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.sqrt(out[i]);
        }
        Tensor result = new Tensor(out, Arguments.reduced(x.shape, axes, keepDims), x.dtype);
        return Node.recording(x) ? Node.attach(result, new Norm(x, kept)) : result;
    }

    @Override
    boolean savesOutput() {
        return true;
    }

    @Override
    Tensor[] backward(Tensor gradOut) {
        Tensor norm = Reshape.apply(out, keptShape);
        Tensor zero = norm.eq(0.0);
        Tensor one = new Tensor(new double[] {1.0}, Shapes.SCALAR, norm.dtype);
        // gradOut / norm, and 0 where the norm is 0: a constant there, so the second derivative is 0 too (PyTorch's)
        Tensor scale = Where.apply(zero, one.mul(0.0), Reshape.apply(gradOut, keptShape).div(Where.apply(zero, one,
                norm)));
        return new Tensor[] {scale.mul(inputs[0])};
    }
}
