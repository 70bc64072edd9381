package org.autograd4j.nn;

import org.autograd4j.core.Tensor;

/**
 * A loss as the training loop sees it: a function of the model's output and the batch's target tensor, returning a
 * 0-d tensor to call {@code backward()} on. The factories wrap {@link Losses} with mean reduction.
 *
 * <pre>{@code
 * Loss loss = Loss.crossEntropy();
 * Tensor value = loss.compute(model.forward(x), y);   // logits [batch, classes], y [batch] of class indices
 * }</pre>
 */
@FunctionalInterface
public interface Loss {
    /**
     * The loss of a batch.
     *
     * @param prediction the model's output
     * @param target     what it should have been
     * @return a 0-d tensor
     */
    Tensor compute(Tensor prediction, Tensor target);

    /** {@link Losses#mse}: prediction and target of equal shape. */
    static Loss mse() {
        return Losses::mse;
    }

    /** {@link Losses#l1}: prediction and target of equal shape. */
    static Loss l1() {
        return Losses::l1;
    }

    /** {@link Losses#huber} with the given delta. */
    static Loss huber(double delta) {
        Losses.checkDelta(delta);
        return (p, t) -> Losses.huber(p, t, delta);
    }

    /** {@link Losses#binaryCrossEntropy}: probabilities and targets of equal shape. */
    static Loss binaryCrossEntropy() {
        return Losses::binaryCrossEntropy;
    }

    /** {@link Losses#binaryCrossEntropyWithLogits}: logits and targets of equal shape. */
    static Loss binaryCrossEntropyWithLogits() {
        return Losses::binaryCrossEntropyWithLogits;
    }

    /**
     * {@link Losses#crossEntropy}: logits {@code [batch, classes]} against either class indices (a target of shape
     * {@code [batch]} holding whole numbers) or probabilities (a target of shape {@code [batch, classes]}, one-hot or
     * soft).
     */
    static Loss crossEntropy() {
        return (logits, target) -> target != null && target.rank() == 2
                ? Losses.crossEntropy(logits, target)
                : CrossEntropy.indices("crossEntropy", logits, CrossEntropy.toIndices("crossEntropy", target), null,
                        0.0, Reduction.MEAN, false);
    }

    /** {@link Losses#nll}: log-probabilities {@code [batch, classes]} against class indices, shape {@code [batch]}. */
    static Loss nll() {
        return (logProbs, target) -> Losses.nll(logProbs, CrossEntropy.toIndices("nll", target));
    }
}
