package org.autograd4j.spark;

import java.io.Serializable;

/** What a validation pass sums: the loss over the rows, their count, and how many a classifier got right. */
final class EvalSum implements Serializable {
    private static final long serialVersionUID = 1L;

    double loss;
    long rows;
    long correct;

    /** Adds {@code o} into this one and returns this one. */
    EvalSum merge(EvalSum o) {
        loss += o.loss;
        rows += o.rows;
        correct += o.correct;
        return this;
    }
}
