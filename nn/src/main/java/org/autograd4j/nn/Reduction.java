package org.autograd4j.nn;

import org.autograd4j.core.Tensor;

/** How a loss combines its per-element (or per-sample) values, as PyTorch's {@code reduction} argument. */
public enum Reduction {
    /** The mean: a 0-d tensor (the default; weighted losses divide by the sum of the weights, as PyTorch does). */
    MEAN,
    /** The sum: a 0-d tensor. */
    SUM,
    /** No reduction: the per-element (or per-sample) losses. */
    NONE;

    /** Applies this reduction to unweighted per-element losses. */
    Tensor reduce(Tensor losses) {
        return switch (this) {
            case MEAN -> losses.mean();
            case SUM -> losses.sum();
            case NONE -> losses;
        };
    }

    /** Checks that a reduction was given. */
    static Reduction check(String op, Reduction r) {
        if (r == null) {
            throw new IllegalArgumentException(op + ": reduction must not be null (MEAN, SUM or NONE)");
        }
        return r;
    }
}
