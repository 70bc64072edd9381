package org.autograd4j.nn;

import org.autograd4j.core.Tensor;

/**
 * A loss as the training loop sees it: a function of the model's output and the batch's target tensor, returning a
 * 0-d tensor to call {@code backward()} on. {@link Losses} makes them ({@code Losses.crossEntropy()}, mean-reduced),
 * or write one as a lambda.
 *
 * <pre>{@code
 * Loss loss = Losses.crossEntropy();
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

    /**
     * The same as {@link Losses#mse()}, which is the one entry point for losses.
     *
     * @return {@code Losses.mse()}
     * @deprecated use {@link Losses#mse()}
     */
    @Deprecated
    static Loss mse() {
        return Losses.mse();
    }

    /**
     * The same as {@link Losses#l1()}, which is the one entry point for losses.
     *
     * @return {@code Losses.l1()}
     * @deprecated use {@link Losses#l1()}
     */
    @Deprecated
    static Loss l1() {
        return Losses.l1();
    }

    /**
     * The same as {@link Losses#huber(double)}, which is the one entry point for losses.
     *
     * @param delta where the loss turns from quadratic to linear
     * @return {@code Losses.huber(delta)}
     * @deprecated use {@link Losses#huber(double)}
     */
    @Deprecated
    static Loss huber(double delta) {
        return Losses.huber(delta);
    }

    /**
     * The same as {@link Losses#binaryCrossEntropy()}, which is the one entry point for losses.
     *
     * @return {@code Losses.binaryCrossEntropy()}
     * @deprecated use {@link Losses#binaryCrossEntropy()}
     */
    @Deprecated
    static Loss binaryCrossEntropy() {
        return Losses.binaryCrossEntropy();
    }

    /**
     * The same as {@link Losses#binaryCrossEntropyWithLogits()}, which is the one entry point for losses.
     *
     * @return {@code Losses.binaryCrossEntropyWithLogits()}
     * @deprecated use {@link Losses#binaryCrossEntropyWithLogits()}
     */
    @Deprecated
    static Loss binaryCrossEntropyWithLogits() {
        return Losses.binaryCrossEntropyWithLogits();
    }

    /**
     * The same as {@link Losses#crossEntropy()}, which is the one entry point for losses.
     *
     * @return {@code Losses.crossEntropy()}
     * @deprecated use {@link Losses#crossEntropy()}
     */
    @Deprecated
    static Loss crossEntropy() {
        return Losses.crossEntropy();
    }

    /**
     * The same as {@link Losses#nll()}, which is the one entry point for losses.
     *
     * @return {@code Losses.nll()}
     * @deprecated use {@link Losses#nll()}
     */
    @Deprecated
    static Loss nll() {
        return Losses.nll();
    }
}
