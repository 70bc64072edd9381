package org.autograd4j.spark;

/** Hears about each finished epoch of a {@link DataParallelTrainer} (after its checkpoint, if any, is written). */
@FunctionalInterface
public interface EpochListener {
    /**
     * Called on the driver after every epoch.
     *
     * @param stats the epoch's losses and times
     */
    void onEpoch(EpochStats stats);
}
