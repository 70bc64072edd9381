package org.autograd4j.spark;

import java.util.List;

/**
 * What {@link DataParallelTrainer#fit} returns.
 *
 * @param epochs      every epoch's statistics, the resumed ones (read back from the checkpoint) included
 * @param bestEpoch   the epoch whose weights the model holds (the last one unless early stopping restored an earlier)
 * @param stoppedEarly whether early stopping ended the training before the last epoch
 */
public record TrainingResult(List<EpochStats> epochs, int bestEpoch, boolean stoppedEarly) {
    /**
     * Copies the list.
     *
     * @param epochs       every epoch's statistics
     * @param bestEpoch    the epoch whose weights the model holds
     * @param stoppedEarly whether early stopping ended the training
     */
    public TrainingResult {
        epochs = List.copyOf(epochs);
    }

    /**
     * The total time spent computing, summed over epochs.
     *
     * @return seconds
     */
    public double computeSeconds() {
        return epochs.stream().mapToDouble(EpochStats::computeSeconds).sum();
    }

    /**
     * The total time spent communicating (everything in a job but the slowest partition's work).
     *
     * @return seconds
     */
    public double communicationSeconds() {
        return epochs.stream().mapToDouble(EpochStats::communicationSeconds).sum();
    }
}
