package org.autograd4j.nn;

import org.autograd4j.core.Autograd;
import org.autograd4j.core.DType;
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
     * {@link Losses#crossEntropy()}, which documents it: the target's dtype and rank choose indices or probabilities.
     */
    static Loss trainingLoss() {
        return (logits, target) -> target != null && (target.dtype() == DType.INT64 || target.rank() == 2)
                ? Losses.crossEntropy(logits, target)
                : Autograd.isCapturing() ? indexTensor("crossEntropy", logits, target)
                : indices("crossEntropy", logits, toIndices("crossEntropy", target), null, 0.0, Reduction.MEAN, false);
    }

    /** {@link Losses#nll(Tensor, Tensor, Tensor, Reduction)}, which documents it: INT64 labels checked first. */
    static Tensor nll(Tensor logProbs, Tensor classIndices, Tensor classWeights, Reduction r) {
        return indices("nll", logProbs, int64("nll", classIndices), classWeights, 0.0, r, true);
    }

    /** {@link Losses#nll()}, which documents it. */
    static Loss nllTrainingLoss() {
        return (logProbs, target) -> target != null && target.dtype() == DType.INT64 ? Losses.nll(logProbs, target)
                : Losses.nll(logProbs, toIndices("nll", target));
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
        return meanNll(input.logSoftmax(1), labels, (int) batch);
    }

    /**
     * {@code -mean(logp[i, y[i]])} as the sum of the picked entries times {@code -1/batch}: the same bits as
     * {@code neg().mean()} (negation is exact, so {@code Σ(-x) = -Σx} and {@code -s · (1/n) = s · (-1/n)}, forward and
     * backward), with two instructions fewer a step, forward and backward (issue 14).
     */
    private static Tensor meanNll(Tensor logp, Tensor labels, int batch) {
        return logp.gather(1, labels.reshape(batch, 1)).reshape(batch).sum().mul(-1.0 / batch);
    }

    /** The loss against class indices; {@code logProbs} says whether the input already is a log-softmax (NLL). */
    static Tensor indices(String op, Tensor input, int[] labels, Tensor weights, double smoothing, Reduction r,
            boolean logProbs) {
        checkInput(op, input, r);
        if (labels == null) {
            throw new IllegalArgumentException(op + ": class indices must not be null");
        }
        if (labels.length != input.size(0)) {
            throw new IllegalArgumentException(op + ": input has " + input.size(0) + " rows (shape "
                    + Checks.shape(input) + ") but " + labels.length + " class indices were given");
        }
        return compute(op, input, checkRange(op, Tensor.of(labels), input), weights, smoothing, r, logProbs);
    }

    /**
     * The loss against class indices in an INT64 tensor {@code [batch]}, as PyTorch's {@code F.cross_entropy} with an
     * int64 target. The labels stay a tensor all the way to {@code gather}: an input of the graph, not values read
     * once (a captured step can then take the next batch's labels).
     */
    static Tensor indices(String op, Tensor input, Tensor labels, Tensor weights, double smoothing, Reduction r,
            boolean logProbs) {
        checkInput(op, input, r);
        if (labels.rank() != 1 || labels.size(0) != input.size(0)) {
            throw new IllegalArgumentException(op + ": class indices have shape " + Checks.shape(labels)
                    + " but the input has " + input.size(0) + " rows (shape " + Checks.shape(input) + "); expected ["
                    + input.size(0) + "]");
        }
        return compute(op, input, checkRange(op, labels, input), weights, smoothing, r, logProbs);
    }

    /** The labels, refused unless INT64 (the tensor overloads of NLL have no probability form to fall back on). */
    static Tensor int64(String op, Tensor labels) {
        if (labels == null || labels.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + ": class indices must be an INT64 tensor, got "
                    + (labels == null ? "null" : labels.dtype() + " " + Checks.shape(labels))
                    + "; convert them with to(DType.INT64)");
        }
        return labels;
    }

    private static void checkInput(String op, Tensor input, Reduction r) {
        Checks.input(op, input);
        Reduction.check(op, r);
        if (input.rank() != 2) {
            throw new IllegalArgumentException(op + ": expected input of shape [batch, classes], got "
                    + Checks.shape(input));
        }
    }

    /**
     * The INT64 labels, each checked to be a class of {@code input}, naming the row. Not while a step is being
     * captured: reading values from Java would refuse the capture, and {@code gather} checks every label on every
     * replay instead (with its own message).
     */
    private static Tensor checkRange(String op, Tensor labels, Tensor input) {
        if (Autograd.isCapturing()) {
            return labels;
        }
        long classes = input.size(1);
        double[] y = labels.readArray();
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException(op + ": label " + (long) y[i] + " at row " + i
                        + " is out of range [0, " + classes + ")");
            }
        }
        return labels;
    }

    private static Tensor compute(String op, Tensor input, Tensor y, Tensor weights, double smoothing, Reduction r,
            boolean logProbs) {
        int batch = (int) input.size(0);
        int classes = (int) input.size(1);
        Tensor w = checkWeights(op, weights, classes, input);
        checkSmoothing(op, smoothing);
        Tensor logp = logProbs ? input : input.logSoftmax(1);
        if (w == null && smoothing == 0 && r == Reduction.MEAN) {
            return meanNll(logp, y, batch);
        }
        Tensor picked = logp.gather(1, y.reshape(batch, 1)).reshape(batch).neg();
        Tensor wy = w == null ? null : w.gather(0, y);
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

    /**
     * Cross-entropy against a tensor target, decided by its dtype as PyTorch's {@code F.cross_entropy} does: INT64
     * holds class indices {@code [batch]}, a floating type probabilities {@code [batch, classes]}.
     */
    static Tensor of(String op, Tensor logits, Tensor target, Tensor weights, double smoothing, Reduction r) {
        if (target != null && target.dtype() == DType.INT64) {
            return indices(op, logits, target, weights, smoothing, r, false);
        }
        return probabilities(op, logits, target, weights, smoothing, r);
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
