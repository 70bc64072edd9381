package org.autograd4j.nn;

import org.autograd4j.core.Tensor;

/**
 * The element-wise regression losses behind {@link Losses#mse}, {@link Losses#l1} and {@link Losses#huber} (which
 * document them), composed of tensor ops so that autograd differentiates them to any order; shapes must be equal.
 */
final class RegressionLosses {
    private RegressionLosses() {
    }

    static Tensor mse(Tensor pred, Tensor target, Reduction r) {
        Checks.sameShape("mse", "prediction", pred, target);
        return Reduction.check("mse", r).reduce(pred.sub(target).square());
    }

    static Tensor l1(Tensor pred, Tensor target, Reduction r) {
        Checks.sameShape("l1", "prediction", pred, target);
        return Reduction.check("l1", r).reduce(pred.sub(target).abs());
    }

    static Tensor huber(Tensor pred, Tensor target, double delta, Reduction r) {
        Checks.sameShape("huber", "prediction", pred, target);
        checkDelta(delta);
        Tensor d = pred.sub(target).abs();
        // q = min(d, delta): 0.5·q² + delta·(d - q) is both branches at once and smooth at d = delta.
        Tensor q = d.clamp(0.0, delta);
        return Reduction.check("huber", r).reduce(q.square().mul(0.5).add(d.sub(q).mul(delta)));
    }

    /** {@link Losses#huber(double)}: the mean Huber loss for the training loop. */
    static Loss huberLoss(double delta) {
        checkDelta(delta);
        return (p, t) -> Losses.huber(p, t, delta);
    }

    static void checkDelta(double delta) {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("huber: delta must be a positive finite number, got " + delta);
        }
    }
}
