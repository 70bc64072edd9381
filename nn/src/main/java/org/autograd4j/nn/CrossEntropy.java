package org.autograd4j.nn;

import org.autograd4j.core.Tensor;

/**
 * Cross-entropy and NLL, composed from core's fused {@code logSoftmax} (stable for logits of any size: no exponential
 * of a large number is ever formed) and {@code gather}, with PyTorch's semantics for class weights and label smoothing.
 *
 * <p><b>Weighted mean note.</b> With class weights {@code w}, index targets {@code y} and smoothing {@code ε} over
 * {@code C} classes, the per-sample loss is
 * {@code l_n = (1-ε)·(-w[y_n]·logp[n, y_n]) + ε/C · Σ_c -w[c]·logp[n, c]}, and MEAN divides {@code Σ_n l_n} by
 * {@code Σ_n w[y_n]} (not by the batch size), as {@code torch.nn.functional.cross_entropy} does. With probability
 * targets MEAN divides by the batch size, weighted or not, again as PyTorch does.
 */
final class CrossEntropy {
    private CrossEntropy() {
    }

    /**
     * The mean loss against class indices held in a tensor, without reading them from Java: {@code gather} checks
     * every label, on every run of a captured step ({@code Autograd.capture}). The same ops as {@link #indices}, so
     * the same values bit for bit.
     */
    static Tensor indexTensor(String op, Tensor input, Tensor labels) {
        Checks.input(op, input);
        if (input.rank() != 2) {
            throw new IllegalArgumentException(op + ": expected input of shape [batch, classes], got "
                    + Checks.shape(input));
        }
        long batch = input.size(0);
        if (labels == null || labels.rank() != 1 || labels.size(0) != batch) {
            throw new IllegalArgumentException(op + ": class indices must have shape [" + batch + "], got "
                    + (labels == null ? "null" : Checks.shape(labels)));
        }
        return input.logSoftmax(1).gather(1, labels.reshape(batch, 1)).reshape(batch).neg().mean();
    }

    /** The loss against class indices; {@code logProbs} says whether the input already is a log-softmax (NLL). */
    static Tensor indices(String op, Tensor input, int[] labels, Tensor weights, double smoothing, Reduction r,
            boolean logProbs) {
        Checks.input(op, input);
        Reduction.check(op, r);
        if (input.rank() != 2) {
            throw new IllegalArgumentException(op + ": expected input of shape [batch, classes], got "
                    + Checks.shape(input));
        }
        if (labels == null) {
            throw new IllegalArgumentException(op + ": class indices must not be null");
        }
        int batch = (int) input.size(0);
        int classes = (int) input.size(1);
        if (labels.length != batch) {
            throw new IllegalArgumentException(op + ": input has " + batch + " rows (shape " + Checks.shape(input)
                    + ") but " + labels.length + " class indices were given");
        }
        double[] y = new double[batch];
        for (int i = 0; i < batch; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(op + ": label " + labels[i] + " at row " + i
                        + " is out of range [0, " + classes + ")");
            }
            y[i] = labels[i];
        }
        Tensor w = checkWeights(op, weights, classes, input);
        checkSmoothing(op, smoothing);
        Tensor logp = logProbs ? input : input.logSoftmax(1);
        Tensor picked = logp.gather(1, Tensor.of(y, batch, 1)).reshape(batch).neg();
        Tensor wy = w == null ? null : w.gather(0, Tensor.of(y, batch));
        Tensor perSample = wy == null ? picked : picked.mul(wy);
        if (smoothing > 0) {
            Tensor all = w == null ? logp : logp.mul(w.reshape(1, classes));
            Tensor smooth = all.sum(1, false).neg();
            perSample = perSample.mul(1.0 - smoothing).add(smooth.mul(smoothing / classes));
        }
        if (r == Reduction.MEAN && wy != null) {
            return perSample.sum().div(wy.sum());
        }
        return r.reduce(perSample);
    }

    /** The loss against target probabilities {@code [batch, classes]} (one-hot or soft). */
    static Tensor probabilities(String op, Tensor logits, Tensor target, Tensor weights, double smoothing,
            Reduction r) {
        Checks.sameShape(op, "logits", logits, target);
        Reduction.check(op, r);
        if (logits.rank() != 2) {
            throw new IllegalArgumentException(op + ": expected logits of shape [batch, classes], got "
                    + Checks.shape(logits));
        }
        int classes = (int) logits.size(1);
        Tensor w = checkWeights(op, weights, classes, logits);
        checkSmoothing(op, smoothing);
        Tensor t = smoothing > 0 ? target.mul(1.0 - smoothing).add(smoothing / classes) : target;
        Tensor prod = logits.logSoftmax(1).mul(t);
        if (w != null) {
            prod = prod.mul(w.reshape(1, classes));
        }
        Tensor perSample = prod.sum(1, false).neg();
        return r == Reduction.MEAN ? perSample.sum().div(logits.size(0)) : r.reduce(perSample);
    }

    /** Checks the shape of optional class weights and returns them in the input's dtype. */
    private static Tensor checkWeights(String op, Tensor weights, int classes, Tensor input) {
        if (weights == null) {
            return null;
        }
        if (weights.rank() != 1 || weights.size(0) != classes) {
            throw new IllegalArgumentException(op + ": class weights have shape " + Checks.shape(weights)
                    + " but there are " + classes + " classes; expected [" + classes + "]");
        }
        return weights.to(input.dtype());
    }

    private static void checkSmoothing(String op, double smoothing) {
        if (!(smoothing >= 0 && smoothing <= 1)) {
            throw new IllegalArgumentException(op + ": labelSmoothing must be in [0, 1], got " + smoothing);
        }
    }

    /** Class indices from a tensor of whole numbers, shape {@code [batch]}. */
    static int[] toIndices(String op, Tensor labels) {
        if (labels == null || labels.rank() != 1) {
            throw new IllegalArgumentException(op + ": class indices must have shape [batch], got "
                    + (labels == null ? "null" : Checks.shape(labels)));
        }
        double[] v = labels.toDoubleArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || Math.abs(v[i]) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(op + ": label " + v[i] + " at row " + i
                        + " is not a whole class index");
            }
            out[i] = (int) v[i];
        }
        return out;
    }
}
