package org.autograd4j.nn.data;

import java.util.Arrays;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;

/**
 * A supervised dataset: one row of features and one label (or label vector) per sample. Immutable.
 *
 * <ul>
 *   <li>{@code features}: shape {@code [n, d]}</li>
 *   <li>{@code labels}: shape {@code [n]} (class indices as whole numbers, or regression targets) or {@code [n, k]}
 *       (one-hot classes, or several regression targets)</li>
 * </ul>
 *
 * <pre>{@code
 * Dataset d = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new int[] {0, 1, 1, 0});
 * d.size();                          // 4
 * d.subset(new int[] {3, 0}).labels(); // [0, 0]
 * }</pre>
 *
 * <p>Both tensors are kept detached from any autograd graph, in the dtype they were given.
 */
public final class Dataset {
    private final Tensor features;
    private final Tensor labels;

    /**
     * A dataset over the given tensors (detached, not copied: do not write to their {@link Tensor#array()}).
     *
     * @param features shape {@code [n, d]}, {@code n >= 1}
     * @param labels   shape {@code [n]} or {@code [n, k]}
     * @throws IllegalArgumentException if a shape is wrong, the row counts differ or there are no rows
     */
    public Dataset(Tensor features, Tensor labels) {
        if (features == null || labels == null) {
            throw new IllegalArgumentException("Dataset: features and labels must not be null");
        }
        if (features.rank() != 2) {
            throw new IllegalArgumentException("Dataset: features must have shape [n, d], got "
                    + Arrays.toString(features.shape()));
        }
        if (labels.rank() != 1 && labels.rank() != 2) {
            throw new IllegalArgumentException("Dataset: labels must have shape [n] or [n, k], got "
                    + Arrays.toString(labels.shape()));
        }
        if (features.size(0) != labels.size(0)) {
            throw new IllegalArgumentException("Dataset: features have " + features.size(0) + " rows but labels have "
                    + labels.size(0));
        }
        if (features.size(0) == 0) {
            throw new IllegalArgumentException("Dataset: the dataset is empty (0 rows); it needs at least one row");
        }
        this.features = features.detach();
        this.labels = labels.detach();
    }

    /**
     * A FLOAT64 dataset from plain arrays.
     *
     * @param features {@code n} rows of equal length {@code d}
     * @param labels   {@code n} labels (class indices or regression targets)
     * @return a new dataset with features {@code [n, d]} and labels {@code [n]}
     */
    public static Dataset of(double[][] features, double[] labels) {
        checkRows(features);
        return new Dataset(Tensor.of(features), Tensor.of(labels.clone(), labels.length));
    }

    /**
     * A FLOAT64 dataset for classification: {@code labels} are class indices, stored as whole numbers.
     *
     * @param features {@code n} rows of equal length {@code d}
     * @param labels   {@code n} class indices, each {@code >= 0}
     * @return a new dataset with features {@code [n, d]} and labels {@code [n]}
     */
    public static Dataset of(double[][] features, int[] labels) {
        double[] y = new double[labels.length];
        for (int i = 0; i < y.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("Dataset.of: class label at row " + i + " is " + labels[i]
                        + "; class indices must be >= 0");
            }
            y[i] = labels[i];
        }
        return of(features, y);
    }

    private static void checkRows(double[][] features) {
        if (features == null || features.length == 0) {
            throw new IllegalArgumentException("Dataset: the dataset is empty (0 rows); it needs at least one row");
        }
    }

    /**
     * The number of rows {@code n}.
     *
     * @return the number of rows
     */
    public int size() {
        return (int) features.size(0);
    }

    /**
     * The number of feature columns {@code d}.
     *
     * @return {@code d}, at least 0
     */
    public int numFeatures() {
        return (int) features.size(1);
    }

    /**
     * The features, shape {@code [n, d]}.
     *
     * @return the features tensor itself (not a copy)
     */
    public Tensor features() {
        return features;
    }

    /**
     * The labels, shape {@code [n]} or {@code [n, k]}.
     *
     * @return the labels tensor itself (not a copy)
     */
    public Tensor labels() {
        return labels;
    }

    /**
     * The dtype of the features.
     *
     * @return the element type
     */
    public DType dtype() {
        return features.dtype();
    }

    /**
     * The rows at the given positions, in that order (repeats allowed), as a new dataset.
     *
     * @param rows positions in {@code [0, n)}; at least one
     * @return a new dataset of {@code rows.length} rows
     * @throws IllegalArgumentException if {@code rows} is empty or a position is out of range
     */
    public Dataset subset(int[] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("Dataset.subset: no rows given; a dataset needs at least one row");
        }
        long[] r = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= size()) {
                throw new IllegalArgumentException("Dataset.subset: row " + rows[i] + " (position " + i
                        + ") is outside [0, " + size() + ")");
            }
            r[i] = rows[i];
        }
        return new Dataset(features.index(r), labels.index(r));
    }

    /**
     * The class index of every row: labels of shape {@code [n]} or {@code [n, 1]} must hold whole numbers
     * {@code >= 0}; labels of shape {@code [n, k]} with {@code k > 1} are read as one-hot (or probabilities) and
     * give the position of the row's maximum.
     *
     * @return {@code n} class indices
     * @throws IllegalArgumentException if a label is not a non-negative whole number
     */
    public int[] classIndices() {
        if (labels.rank() == 2 && labels.size(1) > 1) {
            return OneHot.decode(labels);
        }
        double[] y = labels.toDoubleArray();
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            double v = y[i];
            if (!(v >= 0) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
                // A FLOAT32 label prints as written (5.1), not as its double widening (5.099999904632568).
                String shown = labels.dtype() == DType.FLOAT32 ? Float.toString((float) v)
                        : labels.dtype() == DType.INT64 ? Long.toString((long) v) : Double.toString(v);
                throw new IllegalArgumentException("Dataset.classIndices: label at row " + i + " is " + shown
                        + ", not a class index (a whole number >= 0)");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** The shapes and dtype, e.g. {@code Dataset[features=[150, 4], labels=[150], FLOAT32]}. */
    @Override
    public String toString() {
        return "Dataset[features=" + Arrays.toString(features.shape()) + ", labels="
                + Arrays.toString(labels.shape()) + ", " + dtype() + "]";
    }
}
