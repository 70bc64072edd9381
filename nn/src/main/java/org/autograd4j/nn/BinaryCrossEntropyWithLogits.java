package org.autograd4j.nn;

import org.autograd4j.core.Tensor;

/**
 * Binary cross-entropy of {@code sigmoid(logits)}, composed of tensor ops so that autograd differentiates it (to any
 * order): {@code (1-t)·x + (1 + (posWeight-1)·t)·softplus(-x)}, finite for any logit. Documented at
 * {@link Losses#binaryCrossEntropyWithLogits(Tensor, Tensor, Tensor, Reduction)}.
 */
final class BinaryCrossEntropyWithLogits {
    private BinaryCrossEntropyWithLogits() {
    }

    /** The loss, after checking the shapes and {@code posWeight}; messages name the public method. */
    static Tensor apply(Tensor logits, Tensor target, Tensor posWeight, Reduction r) {
        String op = "binaryCrossEntropyWithLogits";
        Checks.sameShape(op, "logits", logits, target);
        Reduction.check(op, r);
        Tensor softplusNeg = logits.neg().softplus();
        Tensor scale = null;
        if (posWeight != null) {
            long last = logits.rank() == 0 ? 1 : logits.size(-1);
            if (posWeight.rank() != 1 || (posWeight.size(0) != last && posWeight.size(0) != 1)) {
                throw new IllegalArgumentException(op + ": posWeight has shape " + Checks.shape(posWeight)
                        + " but logits have shape " + Checks.shape(logits) + "; expected [" + last + "] or [1]");
            }
            scale = posWeight.to(logits.dtype()).sub(1.0).mul(target).add(1.0);
        }
        Tensor loss = target.neg().add(1.0).mul(logits).add(scale == null ? softplusNeg : scale.mul(softplusNeg));
        return r.reduce(loss);
    }
}
