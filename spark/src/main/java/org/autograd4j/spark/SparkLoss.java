package org.autograd4j.spark;

import java.io.Serializable;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Losses;
import org.autograd4j.nn.Reduction;

/**
 * A loss as data-parallel training needs it: the <b>sum</b> over a batch's rows (each partition sums its rows, the
 * driver divides the aggregated gradient by the global batch size, so the step is the single-machine mean's), the
 * target tensor built from a row's label values, and, for classification, how many rows a prediction gets right.
 * Serializable, since executors run it.
 *
 * <pre>{@code
 * SparkLoss loss = SparkLoss.crossEntropy();   // logits [n, classes], labels: one class index per row
 * }</pre>
 */
public interface SparkLoss extends Serializable {
    /**
     * The summed loss of a batch.
     *
     * @param prediction the model's output, shape {@code [n, outputs]}
     * @param target     from {@link #target}
     * @return a 0-d tensor
     */
    Tensor sum(Tensor prediction, Tensor target);

    /**
     * The target tensor of {@code rows} rows whose labels are {@code labels} (row-major, {@code width} per row):
     * shape {@code [rows, width]} in {@code dtype} unless the loss says otherwise.
     *
     * @param labels the labels, {@code rows * width} values
     * @param rows   the number of rows
     * @param width  the labels per row
     * @param dtype  the target's dtype (the model's)
     * @return the target, for {@link #sum}
     */
    default Tensor target(double[] labels, int rows, int width, DType dtype) {
        Tensor t = Tensor.of(labels, rows, width);
        return dtype == DType.FLOAT64 ? t : t.to(dtype);
    }

    /**
     * Whether this loss trains a classifier (then {@link #correct} counts right answers).
     *
     * @return true for a classification loss
     */
    default boolean classification() {
        return false;
    }

    /**
     * How many of the rows the prediction classifies right; 0 for a regression loss.
     *
     * @param prediction the model's output, shape {@code [n, outputs]}
     * @param labels     the rows' labels, one per row
     * @return the number of rows classified right
     */
    default long correct(Tensor prediction, double[] labels) {
        return 0;
    }

    /**
     * Cross-entropy on logits {@code [n, classes]} against one class index per row ({@link Losses#crossEntropy}).
     *
     * @return the loss
     */
    static SparkLoss crossEntropy() {
        return BuiltinLoss.CROSS_ENTROPY;
    }

    /**
     * Binary cross-entropy on probabilities {@code [n, 1]} (a sigmoid output) against 0/1 labels.
     *
     * @return the loss
     */
    static SparkLoss binaryCrossEntropy() {
        return BuiltinLoss.BINARY_CROSS_ENTROPY;
    }

    /**
     * Binary cross-entropy on logits {@code [n, 1]} against 0/1 labels (numerically safer than a sigmoid + BCE).
     *
     * @return the loss
     */
    static SparkLoss binaryCrossEntropyWithLogits() {
        return BuiltinLoss.BINARY_CROSS_ENTROPY_WITH_LOGITS;
    }

    /**
     * Squared error, prediction and target {@code [n, width]}.
     *
     * @return the loss
     */
    static SparkLoss mse() {
        return BuiltinLoss.MSE;
    }

    /**
     * Absolute error, prediction and target {@code [n, width]}.
     *
     * @return the loss
     */
    static SparkLoss l1() {
        return BuiltinLoss.L1;
    }

    /**
     * Huber loss with delta 1, prediction and target {@code [n, width]}.
     *
     * @return the loss
     */
    static SparkLoss huber() {
        return BuiltinLoss.HUBER;
    }

    /** The built-in losses, each a thin wrapper over {@link Losses} with {@link Reduction#SUM}. */
    enum BuiltinLoss implements SparkLoss {
        /** See {@link SparkLoss#crossEntropy()}. */
        CROSS_ENTROPY {
            @Override
            public Tensor sum(Tensor prediction, Tensor target) {
                return Losses.crossEntropy(prediction, Losses.classIndices(target), Reduction.SUM);
            }

            @Override
            public Tensor target(double[] labels, int rows, int width, DType dtype) {
                if (width != 1) {
                    throw new IllegalArgumentException("crossEntropy: labels must be one class index per row, got "
                            + width + " values per row");
                }
                return Tensor.of(labels, rows);
            }

            @Override
            public long correct(Tensor prediction, double[] labels) {
                double[] guess = prediction.argmax(1).toDoubleArray();
                long right = 0;
                for (int i = 0; i < guess.length; i++) {
                    right += guess[i] == labels[i] ? 1 : 0;
                }
                return right;
            }
        },
        /** See {@link SparkLoss#binaryCrossEntropy()}. */
        BINARY_CROSS_ENTROPY {
            @Override
            public Tensor sum(Tensor prediction, Tensor target) {
                return Losses.binaryCrossEntropy(prediction, target, Reduction.SUM);
            }

            @Override
            public long correct(Tensor prediction, double[] labels) {
                return countAbove(prediction, labels, 0.5);
            }
        },
        /** See {@link SparkLoss#binaryCrossEntropyWithLogits()}. */
        BINARY_CROSS_ENTROPY_WITH_LOGITS {
            @Override
            public Tensor sum(Tensor prediction, Tensor target) {
                return Losses.binaryCrossEntropyWithLogits(prediction, target, Reduction.SUM);
            }

            @Override
            public long correct(Tensor prediction, double[] labels) {
                return countAbove(prediction, labels, 0.0);
            }
        },
        /** See {@link SparkLoss#mse()}. */
        MSE {
            @Override
            public Tensor sum(Tensor prediction, Tensor target) {
                return Losses.mse(prediction, target, Reduction.SUM);
            }
        },
        /** See {@link SparkLoss#l1()}. */
        L1 {
            @Override
            public Tensor sum(Tensor prediction, Tensor target) {
                return Losses.l1(prediction, target, Reduction.SUM);
            }
        },
        /** See {@link SparkLoss#huber()}. */
        HUBER {
            @Override
            public Tensor sum(Tensor prediction, Tensor target) {
                return Losses.huber(prediction, target, 1.0, Reduction.SUM);
            }
        };

        @Override
        public boolean classification() {
            return this == CROSS_ENTROPY || this == BINARY_CROSS_ENTROPY || this == BINARY_CROSS_ENTROPY_WITH_LOGITS;
        }

        private static long countAbove(Tensor prediction, double[] labels, double threshold) {
            double[] p = prediction.toDoubleArray();
            long right = 0;
            for (int i = 0; i < labels.length; i++) {
                right += (p[i] >= threshold ? 1.0 : 0.0) == labels[i] ? 1 : 0;
            }
            return right;
        }
    }
}
