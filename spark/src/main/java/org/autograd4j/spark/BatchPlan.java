package org.autograd4j.spark;

/**
 * Which global mini-batch every row belongs to in every epoch, decided by the row alone: row {@code id} goes to step
 * {@code floor(u * steps)} of epoch {@code e}, where {@code u} in [0, 1) is a hash of {@code (seed, e, id)} and
 * {@code steps = ceil(rows / batchSize)}. Each partition forms its share of every batch from its own rows, with no
 * coordination and no shuffle, and the batches are the same however the rows are partitioned: 1, 2 or 64 partitions
 * (or one machine, see {@link #stepOf}) train on exactly the same global batches. A batch holds {@code batchSize} rows
 * on average (its size is binomial); the loss is the mean over the rows it actually holds.
 *
 * <p>Row ids are positions in the input (0-based), as {@code zipWithIndex} numbers a DataFrame's rows.
 */
public final class BatchPlan {
    private BatchPlan() {
    }

    /**
     * The number of steps of one epoch.
     *
     * @param rows      the training rows, at least 1
     * @param batchSize the global batch size (summed over partitions), at least 1
     * @return {@code ceil(rows / batchSize)}
     * @throws IllegalArgumentException if {@code rows < 1} or {@code batchSize < 1}
     */
    public static int stepsPerEpoch(long rows, int batchSize) {
        if (rows < 1 || batchSize < 1) {
            throw new IllegalArgumentException("BatchPlan: rows and batchSize must be >= 1, got " + rows + " and "
                    + batchSize);
        }
        long steps = (rows + batchSize - 1) / batchSize;
        if (steps > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("BatchPlan: " + steps + " steps per epoch; raise the batch size");
        }
        return (int) steps;
    }

    /**
     * The step (0-based, within the epoch) whose global batch holds row {@code rowId} in epoch {@code epoch}.
     *
     * @param seed  the training seed
     * @param epoch the epoch, 0-based
     * @param rowId the row's id, stable across epochs
     * @param steps {@link #stepsPerEpoch}
     * @return the step, from 0 to {@code steps - 1}
     */
    public static int stepOf(long seed, int epoch, long rowId, int steps) {
        long h = mix(seed ^ mix(0x9E3779B97F4A7C15L * (epoch + 1L) ^ mix(rowId)));
        double u = (h >>> 11) * 0x1.0p-53;
        return Math.min(steps - 1, (int) (u * steps));
    }

    /** SplitMix64's finaliser: a bijection of longs whose outputs look independent. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed for the dropout masks of one partition in one step, so that a retried task draws the same masks. */
    static long taskSeed(long seed, long globalStep, int partition) {
        return mix(mix(seed + 1) ^ mix(globalStep * 31 + partition));
    }
}
