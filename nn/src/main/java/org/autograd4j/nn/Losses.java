package org.autograd4j.nn;

import org.autograd4j.core.Tensor;

/**
 * The one entry point for losses, with PyTorch's definitions. Each loss comes in two forms under one name: without
 * arguments, a {@link Loss} for the training loop (PyTorch's {@code nn.CrossEntropyLoss()}), mean-reduced; with
 * tensors, the loss computed at once (PyTorch's {@code F.cross_entropy}). The tensor forms return a 0-d tensor for
 * {@link Reduction#MEAN} (the default) and {@link Reduction#SUM}, and the unreduced losses for {@link Reduction#NONE}.
 * Element-wise losses need the prediction and the target to have the same shape: there is no broadcasting, because
 * {@code [batch, 1]} against {@code [batch]} would silently broadcast to {@code [batch, batch]}.
 *
 * <pre>{@code
 * Loss loss = Losses.crossEntropy();                              // for Trainer.fit: logits against class indices
 * Tensor value = Losses.crossEntropy(model.forward(x), labels);   // at once: logits [batch, classes], INT64 [batch]
 * value.backward();
 * }</pre>
 */
public final class Losses {
    private Losses() {
    }

    /**
     * Mean squared error as a training loss; see {@link #mse(Tensor, Tensor)}.
     *
     * @return the loss of a prediction and a target of equal shape
     */
    public static Loss mse() {
        return Losses::mse;
    }

    /**
     * Mean absolute error as a training loss; see {@link #l1(Tensor, Tensor)}.
     *
     * @return the loss of a prediction and a target of equal shape
     */
    public static Loss l1() {
        return Losses::l1;
    }

    /**
     * Mean Huber loss as a training loss; see {@link #huber(Tensor, Tensor, double, Reduction)}.
     *
     * @param delta where the loss turns from quadratic to linear
     * @return the loss of a prediction and a target of equal shape
     * @throws IllegalArgumentException if {@code delta} is not a positive finite number
     */
    public static Loss huber(double delta) {
        return RegressionLosses.huberLoss(delta);
    }

    /**
     * Mean binary cross-entropy on probabilities as a training loss; see {@link #binaryCrossEntropy(Tensor, Tensor)}.
     *
     * @return the loss of probabilities and targets of equal shape
     */
    public static Loss binaryCrossEntropy() {
        return Losses::binaryCrossEntropy;
    }

    /**
     * Mean binary cross-entropy on logits, for training; see {@link #binaryCrossEntropyWithLogits(Tensor, Tensor)}.
     *
     * @return the loss of logits and targets of equal shape
     */
    public static Loss binaryCrossEntropyWithLogits() {
        return Losses::binaryCrossEntropyWithLogits;
    }

    /**
     * Mean cross-entropy as a training loss: logits {@code [batch, classes]} against either class indices (an INT64
     * target of shape {@code [batch]}, or, as before INT64 existed, a floating one holding whole numbers) or
     * probabilities (a floating target of shape {@code [batch, classes]}, one-hot or soft); see
     * {@link #crossEntropy(Tensor, Tensor)}.
     *
     * @return the loss of logits against class indices or probabilities
     */
    public static Loss crossEntropy() {
        return CrossEntropy.trainingLoss();
    }

    /**
     * Mean negative log-likelihood as a training loss: log-probabilities {@code [batch, classes]} against class
     * indices of shape {@code [batch]} (INT64, or whole numbers in a floating tensor); see
     * {@link #nll(Tensor, Tensor)}.
     *
     * @return the loss of log-probabilities against class indices
     */
    public static Loss nll() {
        return CrossEntropy.nllTrainingLoss();
    }

    /**
     * Mean squared error {@code mean((pred - target)²)}; shapes equal, any shape.
     *
     * @param pred the predictions, any shape
     * @param target the targets, of {@code pred}'s shape
     * @return a 0-d tensor, the mean over all elements
     */
    public static Tensor mse(Tensor pred, Tensor target) {
        return mse(pred, target, Reduction.MEAN);
    }

    /**
     * Squared error {@code (pred - target)²}, reduced by {@code r}; shapes equal.
     *
     * @param pred the predictions, any shape
     * @param target the targets, of {@code pred}'s shape
     * @param r how the per-element losses are combined
     * @return a 0-d tensor for MEAN and SUM; for NONE, the per-element losses, of {@code pred}'s shape
     */
    public static Tensor mse(Tensor pred, Tensor target, Reduction r) {
        return RegressionLosses.mse(pred, target, r);
    }

    /**
     * Mean absolute error {@code mean(|pred - target|)}; shapes equal.
     *
     * @param pred the predictions, any shape
     * @param target the targets, of {@code pred}'s shape
     * @return a 0-d tensor, the mean over all elements
     */
    public static Tensor l1(Tensor pred, Tensor target) {
        return l1(pred, target, Reduction.MEAN);
    }

    /**
     * Absolute error {@code |pred - target|}, reduced by {@code r}; shapes equal.
     *
     * @param pred the predictions, any shape
     * @param target the targets, of {@code pred}'s shape
     * @param r how the per-element losses are combined
     * @return a 0-d tensor for MEAN and SUM; for NONE, the per-element losses, of {@code pred}'s shape
     */
    public static Tensor l1(Tensor pred, Tensor target, Reduction r) {
        return RegressionLosses.l1(pred, target, r);
    }

    /**
     * Mean Huber loss; see {@link #huber(Tensor, Tensor, double, Reduction)}.
     *
     * @param pred the predictions, any shape
     * @param target the targets, of {@code pred}'s shape
     * @param delta where the loss turns from quadratic to linear, greater than 0
     * @return a 0-d tensor, the mean over all elements
     */
    public static Tensor huber(Tensor pred, Tensor target, double delta) {
        return huber(pred, target, delta, Reduction.MEAN);
    }

    /**
     * Huber loss: with {@code d = |pred - target|}, {@code 0.5·d²} where {@code d < delta}, else
     * {@code delta·(d - 0.5·delta)}; shapes equal.
     *
     * @param pred the predictions, any shape
     * @param target the targets, of {@code pred}'s shape
     * @param delta where the loss turns from quadratic to linear, greater than 0
     * @param r how the per-element losses are combined
     * @return a 0-d tensor for MEAN and SUM; for NONE, the per-element losses, of {@code pred}'s shape
     * @throws IllegalArgumentException if {@code delta <= 0}
     */
    public static Tensor huber(Tensor pred, Tensor target, double delta, Reduction r) {
        return RegressionLosses.huber(pred, target, delta, r);
    }

    /**
     * Mean binary cross-entropy on probabilities; see {@link #binaryCrossEntropy(Tensor, Tensor, Reduction)}.
     *
     * @param prob probabilities in [0, 1], any shape
     * @param target the same shape, usually 0 or 1
     * @return a 0-d tensor, the mean over all elements
     */
    public static Tensor binaryCrossEntropy(Tensor prob, Tensor target) {
        return binaryCrossEntropy(prob, target, Reduction.MEAN);
    }

    /**
     * Binary cross-entropy {@code -(t·log p + (1-t)·log(1-p))} with PyTorch's guards at the edges, so that a
     * probability of exactly 0 or 1 gives a finite loss and a gradient that points the right way (note
     * {@code BCE_EDGE} on {@code BinaryCrossEntropy}). Prefer {@link #binaryCrossEntropyWithLogits} on the logits: it
     * is stable where this one saturates.
     *
     * @param prob   probabilities in [0, 1], any shape
     * @param target the same shape, usually 0 or 1
     * @param r how the per-element losses are combined
     * @return a 0-d tensor for MEAN and SUM; for NONE, the per-element losses, of {@code prob}'s shape
     * @throws IllegalArgumentException if a probability is outside [0, 1] or the shapes differ
     */
    public static Tensor binaryCrossEntropy(Tensor prob, Tensor target, Reduction r) {
        return BinaryCrossEntropy.apply(prob, target, r);
    }

    /**
     * Mean binary cross-entropy on logits, without a positive weight; see the four-argument overload.
     *
     * @param logits the raw scores, any shape
     * @param target the same shape, in [0, 1]
     * @return a 0-d tensor, the mean over all elements
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor target) {
        return binaryCrossEntropyWithLogits(logits, target, null, Reduction.MEAN);
    }

    /**
     * Binary cross-entropy on logits, reduced by {@code r}, without a positive weight.
     *
     * @param logits the raw scores, any shape
     * @param target the same shape, in [0, 1]
     * @param r how the per-element losses are combined
     * @return a 0-d tensor for MEAN and SUM; for NONE, the per-element losses, of {@code logits}' shape
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor target, Reduction r) {
        return binaryCrossEntropyWithLogits(logits, target, null, r);
    }

    /**
     * Binary cross-entropy of {@code sigmoid(logits)}, computed stably as
     * {@code (1-t)·x + (1 + (posWeight-1)·t)·softplus(-x)}; without a positive weight that is
     * {@code max(x, 0) - x·t + log1p(e^-|x|)}, finite for any logit.
     *
     * @param logits    any shape, e.g. {@code [batch, classes]}
     * @param target    the same shape, in [0, 1]
     * @param posWeight null, or the weight of positive examples per class: shape {@code [classes]} (the last axis of
     *                  the logits) or {@code [1]}, as PyTorch's {@code pos_weight}
     * @param r how the per-element losses are combined
     * @return a 0-d tensor for MEAN and SUM; for NONE, the per-element losses, of {@code logits}' shape
     * @throws IllegalArgumentException if the shapes differ or {@code posWeight} does not fit
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor target, Tensor posWeight, Reduction r) {
        return BinaryCrossEntropyWithLogits.apply(logits, target, posWeight, r);
    }

    /**
     * Mean cross-entropy of logits {@code [batch, classes]} against class indices {@code int[batch]}.
     *
     * @param logits the raw scores, shape {@code [batch, classes]}
     * @param classIndices {@code batch} labels, each in {@code [0, classes)}
     * @return a 0-d tensor, the mean over the batch
     */
    public static Tensor crossEntropy(Tensor logits, int[] classIndices) {
        return crossEntropy(logits, classIndices, null, 0.0, Reduction.MEAN);
    }

    /**
     * Cross-entropy against class indices, reduced by {@code r} ({@link Reduction#NONE}: shape {@code [batch]}).
     *
     * @param logits the raw scores, shape {@code [batch, classes]}
     * @param classIndices {@code batch} labels, each in {@code [0, classes)}
     * @param r how the per-element losses are combined
     * @return a 0-d tensor for MEAN and SUM; for NONE, the per-sample losses, shape {@code [batch]}
     */
    public static Tensor crossEntropy(Tensor logits, int[] classIndices, Reduction r) {
        return crossEntropy(logits, classIndices, null, 0.0, r);
    }

    /**
     * Cross-entropy {@code -log softmax(logits)[n, y_n]} per sample, from core's fused log-softmax (stable for logits
     * of ±1e4 and beyond), with PyTorch's class weights and label smoothing (see the weighted mean note on
     * {@code CrossEntropy}: MEAN divides by {@code Σ_n w[y_n]}).
     *
     * @param logits         shape {@code [batch, classes]}
     * @param classIndices   {@code batch} labels, each in {@code [0, classes)}
     * @param classWeights   null, or shape {@code [classes]}
     * @param labelSmoothing in [0, 1]; 0 for none
     * @param r how the per-sample losses are combined
     * @return a 0-d tensor for MEAN and SUM; for NONE, the per-sample losses, shape {@code [batch]}
     * @throws IllegalArgumentException naming the label and its row if a label is out of range, or on a shape mismatch
     */
    public static Tensor crossEntropy(Tensor logits, int[] classIndices, Tensor classWeights, double labelSmoothing,
            Reduction r) {
        return CrossEntropy.indices("crossEntropy", logits, classIndices, classWeights, labelSmoothing, r, false);
    }

    /**
     * Mean cross-entropy of logits {@code [batch, classes]} against a tensor target, which its dtype decides, as
     * PyTorch's {@code F.cross_entropy}: INT64 class indices {@code [batch]}, or floating probabilities of the logits'
     * shape.
     *
     * <pre>{@code
     * Losses.crossEntropy(logits, Tensor.of(new long[] {2, 0, 1}));   // class indices
     * Losses.crossEntropy(logits, oneHot);                            // FLOAT64 [3, classes]: probabilities
     * }</pre>
     *
     * @param logits the raw scores, shape {@code [batch, classes]}
     * @param target INT64 {@code [batch]}, each in {@code [0, classes)}; or the logits' shape, rows summing to 1
     * @return a 0-d tensor, the mean over the batch
     */
    public static Tensor crossEntropy(Tensor logits, Tensor target) {
        return crossEntropy(logits, target, null, 0.0, Reduction.MEAN);
    }

    /**
     * Cross-entropy against INT64 class indices or probabilities (see {@link #crossEntropy(Tensor, Tensor)}), reduced
     * by {@code r}.
     *
     * @param logits the raw scores, shape {@code [batch, classes]}
     * @param target INT64 {@code [batch]}, each in {@code [0, classes)}; or the logits' shape, rows summing to 1
     * @param r how the per-sample losses are combined
     * @return a 0-d tensor for MEAN and SUM; for NONE, the per-sample losses, shape {@code [batch]}
     */
    public static Tensor crossEntropy(Tensor logits, Tensor target, Reduction r) {
        return crossEntropy(logits, target, null, 0.0, r);
    }

    /**
     * Cross-entropy with class weights and label smoothing against a target its dtype decides. INT64 class indices
     * {@code [batch]}: as {@link #crossEntropy(Tensor, int[], Tensor, double, Reduction)} (MEAN divides by
     * {@code Σ_n w[y_n]}). Floating probabilities of the logits' shape:
     * {@code -Σ_c t[n, c]·w[c]·log softmax(logits)[n, c]} per sample, one-hot or soft; smoothing first mixes the
     * targets with the uniform distribution, {@code t·(1-ε) + ε/C}, and MEAN divides by the batch size (weighted or
     * not), as PyTorch does for probability targets.
     *
     * @param logits         shape {@code [batch, classes]}
     * @param target         INT64 {@code [batch]}, each in {@code [0, classes)}; or the logits' shape (probabilities)
     * @param classWeights   null, or shape {@code [classes]}
     * @param labelSmoothing in [0, 1]; 0 for none
     * @param r how the per-sample losses are combined
     * @return a 0-d tensor for MEAN and SUM; for NONE, the per-sample losses, shape {@code [batch]}
     * @throws IllegalArgumentException naming the label and its row if a label is out of range, or on a shape mismatch
     */
    public static Tensor crossEntropy(Tensor logits, Tensor target, Tensor classWeights, double labelSmoothing,
            Reduction r) {
        return CrossEntropy.of("crossEntropy", logits, target, classWeights, labelSmoothing, r);
    }

    /**
     * Mean negative log-likelihood of log-probabilities {@code [batch, classes]} (e.g. from {@link LogSoftmax}).
     *
     * @param logProbs log-probabilities, shape {@code [batch, classes]}
     * @param classIndices {@code batch} labels, each in {@code [0, classes)}
     * @return a 0-d tensor, the mean over the batch
     */
    public static Tensor nll(Tensor logProbs, int[] classIndices) {
        return nll(logProbs, classIndices, null, Reduction.MEAN);
    }

    /**
     * Negative log-likelihood, reduced by {@code r}.
     *
     * @param logProbs log-probabilities, shape {@code [batch, classes]}
     * @param classIndices {@code batch} labels, each in {@code [0, classes)}
     * @param r how the per-sample losses are combined
     * @return a 0-d tensor for MEAN and SUM; for NONE, the per-sample losses, shape {@code [batch]}
     */
    public static Tensor nll(Tensor logProbs, int[] classIndices, Reduction r) {
        return nll(logProbs, classIndices, null, r);
    }

    /**
     * Mean negative log-likelihood against INT64 class indices (PyTorch's {@code F.nll_loss} with an int64 target).
     *
     * @param logProbs log-probabilities, shape {@code [batch, classes]}
     * @param classIndices INT64, shape {@code [batch]}, each in {@code [0, classes)}
     * @return a 0-d tensor, the mean over the batch
     * @throws IllegalArgumentException if the labels are not INT64 {@code [batch]} or one is out of range
     */
    public static Tensor nll(Tensor logProbs, Tensor classIndices) {
        return nll(logProbs, classIndices, null, Reduction.MEAN);
    }

    /**
     * Negative log-likelihood against INT64 class indices, with class weights; see
     * {@link #nll(Tensor, int[], Tensor, Reduction)}.
     *
     * @param logProbs     shape {@code [batch, classes]}
     * @param classIndices INT64, shape {@code [batch]}, each in {@code [0, classes)}
     * @param classWeights null, or shape {@code [classes]}
     * @param r how the per-sample losses are combined
     * @return a 0-d tensor for MEAN and SUM; for NONE, the per-sample losses, shape {@code [batch]}
     * @throws IllegalArgumentException if the labels are not INT64 {@code [batch]} or one is out of range
     */
    public static Tensor nll(Tensor logProbs, Tensor classIndices, Tensor classWeights, Reduction r) {
        return CrossEntropy.nll(logProbs, classIndices, classWeights, r);
    }

    /**
     * Negative log-likelihood {@code -w[y_n]·logProbs[n, y_n]} per sample; MEAN divides by {@code Σ_n w[y_n]}.
     * {@code nll(logSoftmax(x), y)} equals {@code crossEntropy(x, y)}.
     *
     * @param logProbs     shape {@code [batch, classes]}
     * @param classIndices {@code batch} labels in {@code [0, classes)}
     * @param classWeights null, or shape {@code [classes]}
     * @param r how the per-sample losses are combined
     * @return a 0-d tensor for MEAN and SUM; for NONE, the per-sample losses, shape {@code [batch]}
     */
    public static Tensor nll(Tensor logProbs, int[] classIndices, Tensor classWeights, Reduction r) {
        return CrossEntropy.indices("nll", logProbs, classIndices, classWeights, 0.0, r, true);
    }

    /**
     * Class indices from a tensor of whole numbers (as a data loader delivers labels), INT64 or floating.
     *
     * @param labels shape {@code [batch]}
     * @return a new array of {@code batch} labels
     * @throws IllegalArgumentException if the shape is not 1-D or a value is not a whole number
     */
    public static int[] classIndices(Tensor labels) {
        return CrossEntropy.toIndices("classIndices", labels);
    }
}
