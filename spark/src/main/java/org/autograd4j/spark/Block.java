package org.autograd4j.spark;

import java.io.Serializable;

/**
 * One partition's training rows as dense arrays, cached in executor memory for the whole training: features
 * row-major ({@code numFeatures} per row), labels row-major ({@code labelWidth} per row), and each row's global id
 * (its position in the input), which {@link BatchPlan} maps to a step.
 */
final class Block implements Serializable {
    private static final long serialVersionUID = 1L;

    final int partition;
    final long[] ids;
    final double[] features;
    final double[] labels;
    final int numFeatures;
    final int labelWidth;

    /** The epoch whose step order {@link #order} and {@link #starts} hold; transient, rebuilt where needed. */
    private transient int plannedEpoch = -1;
    private transient int plannedSteps;
    private transient long plannedSeed;
    private transient int[] order;
    private transient int[] starts;

    Block(int partition, long[] ids, double[] features, double[] labels, int numFeatures, int labelWidth) {
        this.partition = partition;
        this.ids = ids;
        this.features = features;
        this.labels = labels;
        this.numFeatures = numFeatures;
        this.labelWidth = labelWidth;
    }

    /** The number of rows. */
    int rows() {
        return ids.length;
    }

    /**
     * The local positions of the rows in step {@code step} of {@code epoch}, in input order. The whole epoch is
     * bucketed at its first step (one pass, a counting sort), so a step costs only its own rows.
     */
    synchronized int[] rowsOfStep(long seed, int epoch, int step, int steps) {
        if (plannedEpoch != epoch || plannedSteps != steps || plannedSeed != seed || order == null) {
            int n = ids.length;
            int[] bucket = new int[n];
            int[] count = new int[steps + 1];
            for (int i = 0; i < n; i++) {
                bucket[i] = BatchPlan.stepOf(seed, epoch, ids[i], steps);
                count[bucket[i] + 1]++;
            }
            for (int s = 0; s < steps; s++) {
                count[s + 1] += count[s];
            }
            starts = count.clone();
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[count[bucket[i]]++] = i;
            }
            plannedEpoch = epoch;
            plannedSteps = steps;
            plannedSeed = seed;
        }
        int[] out = new int[starts[step + 1] - starts[step]];
        System.arraycopy(order, starts[step], out, 0, out.length);
        return out;
    }

    /** The features of the given rows, row-major. */
    double[] features(int[] rows) {
        double[] out = new double[rows.length * numFeatures];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(features, rows[i] * numFeatures, out, i * numFeatures, numFeatures);
        }
        return out;
    }

    /** The labels of the given rows, row-major. */
    double[] labels(int[] rows) {
        double[] out = new double[rows.length * labelWidth];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(labels, rows[i] * labelWidth, out, i * labelWidth, labelWidth);
        }
        return out;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as positions. */
    static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
