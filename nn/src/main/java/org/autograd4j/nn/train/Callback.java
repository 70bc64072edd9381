package org.autograd4j.nn.train;

import org.autograd4j.nn.Module;

/**
 * Hooks into {@link Trainer#fit}: called when training begins, before and after every training batch, after every
 * epoch (and may stop training after a batch or an epoch), and when it ends. Epochs and batches are numbered from 1.
 * Every method has an empty default, so a callback overrides only what it needs.
 *
 * <pre>{@code
 * Callback stopAtLoss = new Callback() {
 *     public boolean onEpochEnd(int epoch, EpochLogs logs) { return logs.get("loss") < 1e-3; }
 * };
 * }</pre>
 */
public interface Callback {
    /**
     * Training is about to start (a callback reused across runs resets its state here).
     *
     * @param model  the model being trained
     * @param epochs the number of epochs requested
     */
    default void onTrainBegin(Module model, int epochs) {
    }

    /**
     * A training batch is about to start (before the optimizer's {@code zeroGrad} and the forward pass). Validation
     * batches do not call this.
     *
     * @param epoch the epoch, from 1
     * @param batch the batch within the epoch, from 1
     */
    default void onBatchStart(int epoch, int batch) {
    }

    /**
     * A training batch has ended: forward, backward and the optimizer step (and a per-batch scheduler's step) are
     * done. Validation batches do not call
     * this.
     *
     * @param epoch the epoch, from 1
     * @param batch the batch within the epoch, from 1
     * @param loss  the batch's loss
     * @return true to stop training at once: the rest of the epoch does not run, the epoch is not recorded in the
     *         history, and {@link History#stoppedEpoch()} is {@code epoch} ({@link TerminateOnNaN} does this)
     */
    default boolean onBatchEnd(int epoch, int batch, double loss) {
        return false;
    }

    /**
     * An epoch has ended and its results are in {@code logs} (already recorded in the history).
     *
     * @param epoch the epoch just finished, from 1
     * @param logs the epoch's metric values
     * @return true to stop training after this epoch (every callback is still called for it)
     */
    default boolean onEpochEnd(int epoch, EpochLogs logs) {
        return false;
    }

    /**
     * Training has ended, normally or by a stop request (not when an exception ended it).
     *
     * @param history everything recorded, including {@link History#stoppedEpoch()}
     */
    default void onTrainEnd(History history) {
    }
}
