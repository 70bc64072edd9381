package org.autograd4j.nn.metrics;

/**
 * Counts of (true class, predicted class) pairs, as scikit-learn's {@code confusion_matrix}: row {@code i} is the true
 * class {@code i}, column {@code j} the predicted class {@code j}. Immutable.
 *
 * <pre>{@code
 * ConfusionMatrix cm = Metrics.confusionMatrix(new int[] {0, 1, 1}, new int[] {0, 1, 0});
 * cm.get(1, 0);   // 1: one row of class 1 was predicted as 0
 * System.out.println(cm);
 * //         pred 0  pred 1
 * // true 0       1       0
 * // true 1       1       1
 * }</pre>
 */
public final class ConfusionMatrix {
    private final int[][] counts;

    /**
     * A matrix over the given counts (copied).
     *
     * @param counts a square array of non-negative counts, {@code [classes][classes]}, at least 1 x 1
     * @throws IllegalArgumentException if it is not square or holds a negative count
     */
    public ConfusionMatrix(int[][] counts) {
        if (counts == null || counts.length == 0) {
            throw new IllegalArgumentException("ConfusionMatrix: counts must be a non-empty square array");
        }
        this.counts = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == null || counts[i].length != counts.length) {
                throw new IllegalArgumentException("ConfusionMatrix: row " + i + " has "
                        + (counts[i] == null ? 0 : counts[i].length) + " counts but there are " + counts.length
                        + " rows; it must be square");
            }
            for (int j = 0; j < counts.length; j++) {
                if (counts[i][j] < 0) {
                    throw new IllegalArgumentException("ConfusionMatrix: count at [" + i + ", " + j + "] is "
                            + counts[i][j] + "; counts must be >= 0");
                }
            }
            this.counts[i] = counts[i].clone();
        }
    }

    /**
     * The number of classes (rows and columns).
     *
     * @return the number of classes, at least 1
     */
    public int numClasses() {
        return counts.length;
    }

    /**
     * The number of rows of class {@code trueClass} predicted as {@code predictedClass}.
     *
     * @param trueClass the row's class, in {@code [0, numClasses())}
     * @param predictedClass the predicted class, in the same range
     * @return the count, at least 0
     */
    public int get(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    /**
     * A copy of the counts, {@code [true][predicted]}.
     *
     * @return a new {@code [numClasses][numClasses]} array
     */
    public int[][] counts() {
        int[][] out = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i].clone();
        }
        return out;
    }

    /**
     * The total number of rows counted.
     *
     * @return the number of rows, at least 0
     */
    public int total() {
        int n = 0;
        for (int[] row : counts) {
            for (int c : row) {
                n += c;
            }
        }
        return n;
    }

    /** A right-aligned table with {@code pred j} columns and {@code true i} rows (see the class example). */
    @Override
    public String toString() {
        int width = ("pred " + (counts.length - 1)).length();
        for (int[] row : counts) {
            for (int c : row) {
                width = Math.max(width, Integer.toString(c).length());
            }
        }
        String label = "true " + (counts.length - 1);
        StringBuilder b = new StringBuilder(" ".repeat(label.length()));
        for (int j = 0; j < counts.length; j++) {
            b.append("  ").append(pad("pred " + j, width));
        }
        for (int i = 0; i < counts.length; i++) {
            b.append('\n').append(pad("true " + i, label.length()));
            for (int j = 0; j < counts.length; j++) {
                b.append("  ").append(pad(Integer.toString(counts[i][j]), width));
            }
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    /** Equal when the counts are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && java.util.Arrays.deepEquals(counts, m.counts);
    }

    /** A hash of the counts. */
    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(counts);
    }
}
