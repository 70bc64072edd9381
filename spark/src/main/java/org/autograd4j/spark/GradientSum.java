package org.autograd4j.spark;

import java.io.Serializable;

/**
 * What {@code treeAggregate} sums in a synchronous step: per-row gradient sums over the rows of the global batch,
 * their summed loss and count, and the slowest partition's compute time. The zero has no array yet, so the zero
 * value Spark ships with every task stays a few bytes whatever the model's size.
 */
final class GradientSum implements Serializable {
    private static final long serialVersionUID = 1L;

    double[] values;
    double loss;
    long rows;
    long maxComputeNanos;

    /** Adds {@code o} into this one and returns this one. */
    GradientSum merge(GradientSum o) {
        if (o.values != null) {
            if (values == null) {
                values = o.values.clone();
            } else {
                for (int i = 0; i < values.length; i++) {
                    values[i] += o.values[i];
                }
            }
        }
        loss += o.loss;
        rows += o.rows;
        maxComputeNanos = Math.max(maxComputeNanos, o.maxComputeNanos);
        return this;
    }
}
