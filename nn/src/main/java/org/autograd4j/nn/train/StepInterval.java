package org.autograd4j.nn.train;

/**
 * When {@link Trainer#fit} steps a learning-rate scheduler: after every epoch (as PyTorch's epoch-based schedules and
 * Keras's {@code LearningRateScheduler}) or after every training batch (warm-ups over batches, {@code OneCycleLr},
 * warm restarts within an epoch).
 */
public enum StepInterval {
    /** After every epoch, with the monitored metric (the default). */
    EPOCH,
    /** After every training batch's optimizer step. */
    BATCH
}
