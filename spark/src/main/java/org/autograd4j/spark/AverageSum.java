package org.autograd4j.spark;

import java.io.Serializable;

/**
 * What {@code treeAggregate} sums in a parameter-averaging round: each contributing partition's parameters after
 * its local steps and its optimizer's buffers (flattened in a fixed order), the number of contributors, and the
 * summed loss and row count of the local steps.
 */
final class AverageSum implements Serializable {
    private static final long serialVersionUID = 1L;

    double[] params;
    double[] state;
    /** The names and lengths of the buffers in {@link #state}, as the contributors' optimizers export them. */
    String[] keys;
    int[] lengths;
    int contributors;
    double loss;
    long rows;
    long maxComputeNanos;

    /** Adds {@code o} into this one and returns this one. */
    AverageSum merge(AverageSum o) {
        if (o.contributors > 0) {
            if (contributors == 0) {
                params = o.params.clone();
                state = o.state.clone();
                keys = o.keys;
                lengths = o.lengths;
            } else {
                if (!java.util.Arrays.equals(keys, o.keys) || !java.util.Arrays.equals(lengths, o.lengths)) {
                    throw new IllegalStateException("spark: partitions' optimizers export different buffers: "
                            + java.util.Arrays.toString(keys) + " and " + java.util.Arrays.toString(o.keys));
                }
                add(params, o.params);
                add(state, o.state);
            }
        }
        contributors += o.contributors;
        loss += o.loss;
        rows += o.rows;
        maxComputeNanos = Math.max(maxComputeNanos, o.maxComputeNanos);
        return this;
    }

    private static void add(double[] into, double[] more) {
        for (int i = 0; i < into.length; i++) {
            into[i] += more[i];
        }
    }
}
