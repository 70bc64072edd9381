package org.autograd4j.nn;

import org.autograd4j.core.Tensor;

/**
 * Binary cross-entropy on probabilities, element by element, with PyTorch's forward and gradient at the edges.
 *
 * <p><b>Note {@code BCE_EDGE}.</b> As {@code torch.nn.functional.binary_cross_entropy}: each log is clamped below at
 * -100, and the gradient with respect to {@code p} is {@code (p - t) / max(p·(1-p), 1e-12)}, where {@code 1e-12} is
 * the float32 constant PyTorch uses in every dtype. Where {@code p·(1-p) >= 1e-12} that is the exact derivative of
 * the loss (and higher orders follow); nearer to 0 or 1 it is the constant-slope value {@code (p - t)/1e-12}, so a
 * confidently wrong prediction ({@code p = 0, t = 1}) gets about {@code -1e12} and a confidently right one 0, where a
 * plain derivative of the clamped logs would give 0 to the wrong one. In that edge region the second derivative with
 * respect to {@code p} is taken as 0. The gradient with respect to the target is the derivative of the clamped loss,
 * {@code max(log(1-p), -100) - max(log p, -100)}: finite, where PyTorch's is infinite at 0 and 1.
 */
final class BinaryCrossEntropy {
    /** PyTorch's {@code EPSILON} in {@code binary_cross_entropy_backward}: {@code 1e-12f}, a float32 constant. */
    private static final double EPS = 1e-12f;
    private static final double LOG_FLOOR = -100.0;

    private BinaryCrossEntropy() {
    }

    /**
     * {@link Losses#binaryCrossEntropy(Tensor, Tensor, Reduction)}, which documents it: checks the shapes and that
     * every probability is in [0, 1], then reduces {@link #elementwise}.
     */
    static Tensor apply(Tensor prob, Tensor target, Reduction r) {
        Checks.sameShape("binaryCrossEntropy", "prob", prob, target);
        Reduction.check("binaryCrossEntropy", r);
        double[] p = prob.toDoubleArray();
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("binaryCrossEntropy: probability " + p[i] + " at position " + i
                        + " is outside [0, 1]");
            }
        }
        return r.reduce(elementwise(prob, target));
    }

    /**
     * The unreduced loss.
     *
     * @param p probabilities in [0, 1] (already checked)
     * @param t targets, the same shape
     */
    static Tensor elementwise(Tensor p, Tensor t) {
        Tensor pd = p.detach();
        Tensor qd = pd.neg().add(1.0);
        Tensor inner = pd.mul(qd).ge(EPS);
        // Inside: the plain formula, on p where it applies and on 1/2 elsewhere, so that no log of 0 is differentiated.
        Tensor ps = Tensor.where(inner, p, Tensor.scalar(0.5, p.dtype()));
        Tensor exact = t.mul(ps.log()).add(t.neg().add(1.0).mul(ps.neg().add(1.0).log())).neg();
        // The edge: the clamped value (its target gradient included) plus p·slope - (p·slope) with a constant slope,
        // which adds 0 to the value and exactly the slope to p's gradient.
        Tensor edgeValue = t.mul(clampedLog(pd)).add(t.neg().add(1.0).mul(clampedLog(qd))).neg();
        Tensor linear = p.mul(pd.sub(t.detach()).div(EPS));
        Tensor edge = edgeValue.add(linear.sub(linear.detach()));
        return Tensor.where(inner, exact, edge);
    }

    /** {@code max(log x, -100)} of a tensor that records nothing ({@code log 0 = -∞} becomes -100). */
    private static Tensor clampedLog(Tensor x) {
        return x.log().clamp(LOG_FLOOR, Double.POSITIVE_INFINITY);
    }
}
