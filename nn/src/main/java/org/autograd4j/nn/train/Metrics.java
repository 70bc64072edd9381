package org.autograd4j.nn.train;

import org.autograd4j.core.Tensor;
import org.autograd4j.nn.train.Scores.Kind;

/**
 * Classification and regression scores with scikit-learn's definitions and conventions: a precision, recall or F1
 * whose denominator is 0 is 0 ({@code zero_division=0}); macro and weighted averages run over the classes present in
 * either array; R² of a constant target is 1 for a perfect prediction and 0 otherwise.
 *
 * <p><b>Note (argument order).</b> Array forms take {@code (yTrue, yPred)} as scikit-learn does; tensor forms take
 * {@code (prediction, target)} as {@link org.autograd4j.nn.Loss} does. Tensor forms turn model outputs into classes
 * with {@link #predictedClasses(Tensor, double)} (argmax of {@code [n, classes]} logits or probabilities, or a
 * threshold on a single probability column) and targets with {@link #targetClasses(Tensor)} (class indices or
 * one-hot rows).
 *
 * <pre>{@code
 * Metrics.accuracy(new int[] {0, 1, 1, 0}, new int[] {0, 1, 0, 0});        // 0.75
 * Metrics.f1(yTrue, yPred, Metrics.Average.MACRO);
 * Metrics.accuracy(model.forward(test.features()), test.labels());         // logits [n, k], indices [n]
 * }</pre>
 */
public final class Metrics {
    /** Probabilities are clipped to {@code [eps, 1 - eps]} in {@link #logLoss}, as scikit-learn did before 1.5. */
    public static final double LOG_LOSS_EPS = 1e-15;

    /** How per-class scores combine, as scikit-learn's {@code average} parameter. */
    public enum Average {
        /** The score of class 1 (labels must be 0 or 1). */
        BINARY,
        /** The score of the summed true/false positive and negative counts (equals accuracy for precision/recall). */
        MICRO,
        /** The unweighted mean of the per-class scores. */
        MACRO,
        /** The mean of the per-class scores weighted by each class's number of true rows. */
        WEIGHTED
    }

    private Metrics() {
    }

    // ---------------------------------------------------------------- classes from tensors

    /** {@link #predictedClasses(Tensor, double)} with threshold 0.5 (a sigmoid output). */
    public static int[] predictedClasses(Tensor prediction) {
        return Scores.predicted("Metrics.predictedClasses", prediction, 0.5);
    }

    /**
     * The predicted class of each row.
     *
     * @param prediction {@code [n, classes]}: the argmax of each row (first on ties); {@code [n]} or {@code [n, 1]}:
     *                   1 where the value is {@code > threshold}, else 0
     * @param threshold  for a single column: 0.5 for probabilities, 0 for logits
     */
    public static int[] predictedClasses(Tensor prediction, double threshold) {
        return Scores.predicted("Metrics.predictedClasses", prediction, threshold);
    }

    /**
     * The true class of each row.
     *
     * @param target {@code [n]} or {@code [n, 1]} of whole numbers {@code >= 0}, or one-hot {@code [n, classes]}
     * @throws IllegalArgumentException if a single-column value is not a non-negative whole number
     */
    public static int[] targetClasses(Tensor target) {
        return Scores.target("Metrics.targetClasses", target);
    }

    // ---------------------------------------------------------------- classification on arrays

    /**
     * The fraction of rows whose predicted class equals the true class.
     *
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static double accuracy(int[] yTrue, int[] yPred) {
        Scores.checkLengths("Metrics.accuracy", "yTrue", yTrue.length, "yPred", yPred.length);
        int right = 0;
        for (int i = 0; i < yTrue.length; i++) {
            right += yTrue[i] == yPred[i] ? 1 : 0;
        }
        return right / (double) yTrue.length;
    }

    /** Binary precision of class 1: {@code tp / (tp + fp)}, 0 when nothing is predicted positive. */
    public static double precision(int[] yTrue, int[] yPred) {
        return precision(yTrue, yPred, Average.BINARY);
    }

    /**
     * Precision {@code tp / (tp + fp)} per class, combined by {@code average}.
     *
     * @throws IllegalArgumentException if the lengths differ or are 0, a class is negative, or BINARY meets a
     *                                  label above 1
     */
    public static double precision(int[] yTrue, int[] yPred, Average average) {
        return Scores.score("Metrics.precision", yTrue, yPred, average, Kind.PRECISION);
    }

    /** Binary recall of class 1: {@code tp / (tp + fn)}, 0 when there is no true positive row. */
    public static double recall(int[] yTrue, int[] yPred) {
        return recall(yTrue, yPred, Average.BINARY);
    }

    /** Recall {@code tp / (tp + fn)} per class, combined by {@code average}; see {@code precision}. */
    public static double recall(int[] yTrue, int[] yPred, Average average) {
        return Scores.score("Metrics.recall", yTrue, yPred, average, Kind.RECALL);
    }

    /** Binary F1 of class 1: {@code 2tp / (2tp + fp + fn)}, 0 when that is 0/0. */
    public static double f1(int[] yTrue, int[] yPred) {
        return f1(yTrue, yPred, Average.BINARY);
    }

    /** F1 {@code 2tp / (2tp + fp + fn)} per class, combined by {@code average}; see {@code precision}. */
    public static double f1(int[] yTrue, int[] yPred, Average average) {
        return Scores.score("Metrics.f1", yTrue, yPred, average, Kind.F1);
    }

    /** {@link #confusionMatrix(int[], int[], int)} with {@code 1 + the largest label} classes. */
    public static ConfusionMatrix confusionMatrix(int[] yTrue, int[] yPred) {
        Scores.checkLengths("Metrics.confusionMatrix", "yTrue", yTrue.length, "yPred", yPred.length);
        return confusionMatrix(yTrue, yPred, Scores.numClasses(yTrue, yPred));
    }

    /**
     * Counts of (true, predicted) class pairs.
     *
     * @param numClasses the matrix size; every label must be in {@code [0, numClasses)}
     * @throws IllegalArgumentException if the lengths differ or are 0, or a label is out of range
     */
    public static ConfusionMatrix confusionMatrix(int[] yTrue, int[] yPred, int numClasses) {
        String op = "Metrics.confusionMatrix";
        Scores.checkLengths(op, "yTrue", yTrue.length, "yPred", yPred.length);
        int[][] counts = new int[numClasses][numClasses];
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] < 0 || yTrue[i] >= numClasses || yPred[i] < 0 || yPred[i] >= numClasses) {
                throw new IllegalArgumentException(op + ": at position " + i + " yTrue is " + yTrue[i]
                        + " and yPred is " + yPred[i] + "; both must be in [0, " + numClasses + ")");
            }
            counts[yTrue[i]][yPred[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    /**
     * Multiclass log loss (cross-entropy) {@code -mean(log p[i][yTrue[i]])}, probabilities clipped to
     * {@code [1e-15, 1 - 1e-15]}.
     *
     * @param probabilities {@code n} rows of class probabilities (not logits)
     * @throws IllegalArgumentException if the lengths differ, a label has no column, or a probability is outside [0, 1]
     */
    public static double logLoss(int[] yTrue, double[][] probabilities) {
        String op = "Metrics.logLoss";
        Scores.checkLengths(op, "yTrue", yTrue.length, "probabilities", probabilities.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] < 0 || yTrue[i] >= probabilities[i].length) {
                throw new IllegalArgumentException(op + ": yTrue[" + i + "] is " + yTrue[i] + " but row " + i
                        + " has " + probabilities[i].length + " probabilities");
            }
            for (double p : probabilities[i]) {
                Scores.clip(op, p, i);
            }
            s -= Math.log(Scores.clip(op, probabilities[i][yTrue[i]], i));
        }
        return s / yTrue.length;
    }

    /**
     * Binary log loss {@code -mean(y log p + (1 - y) log(1 - p))}, probabilities clipped as above.
     *
     * @param yTrue            0 or 1 per row
     * @param probabilityOfOne the predicted probability of class 1 per row
     */
    public static double logLoss(int[] yTrue, double[] probabilityOfOne) {
        String op = "Metrics.logLoss";
        Scores.checkLengths(op, "yTrue", yTrue.length, "probabilityOfOne", probabilityOfOne.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] != 0 && yTrue[i] != 1) {
                throw new IllegalArgumentException(op + ": yTrue[" + i + "] is " + yTrue[i]
                        + "; binary log loss needs 0 or 1");
            }
            double p = Scores.clip(op, probabilityOfOne[i], i);
            s -= yTrue[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return s / yTrue.length;
    }

    // ---------------------------------------------------------------- regression on arrays

    /** Mean squared error {@code mean((yTrue - yPred)²)}. */
    public static double mse(double[] yTrue, double[] yPred) {
        Scores.checkLengths("Metrics.mse", "yTrue", yTrue.length, "yPred", yPred.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
            s += (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
        }
        return s / yTrue.length;
    }

    /** Mean absolute error {@code mean(|yTrue - yPred|)}. */
    public static double mae(double[] yTrue, double[] yPred) {
        Scores.checkLengths("Metrics.mae", "yTrue", yTrue.length, "yPred", yPred.length);
        double s = 0;
        for (int i = 0; i < yTrue.length; i++) {
            s += Math.abs(yTrue[i] - yPred[i]);
        }
        return s / yTrue.length;
    }

    /**
     * The coefficient of determination {@code 1 - SS_res / SS_tot}; for a constant {@code yTrue}, 1 if the prediction
     * is exact and 0 otherwise (scikit-learn's {@code force_finite}).
     */
    public static double r2(double[] yTrue, double[] yPred) {
        Scores.checkLengths("Metrics.r2", "yTrue", yTrue.length, "yPred", yPred.length);
        double mean = 0;
        for (double y : yTrue) {
            mean += y;
        }
        mean /= yTrue.length;
        double res = 0;
        double tot = 0;
        for (int i = 0; i < yTrue.length; i++) {
            res += (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
            tot += (yTrue[i] - mean) * (yTrue[i] - mean);
        }
        return tot == 0 ? (res == 0 ? 1.0 : 0.0) : 1 - res / tot;
    }

    // ---------------------------------------------------------------- tensors: (prediction, target)

    /** Accuracy of model outputs against targets; see the class note for how classes are read. */
    public static double accuracy(Tensor prediction, Tensor target) {
        return accuracy(targetClasses(target), predictedClasses(prediction));
    }

    /** Precision of model outputs against targets, combined by {@code average}. */
    public static double precision(Tensor prediction, Tensor target, Average average) {
        return precision(targetClasses(target), predictedClasses(prediction), average);
    }

    /** Recall of model outputs against targets, combined by {@code average}. */
    public static double recall(Tensor prediction, Tensor target, Average average) {
        return recall(targetClasses(target), predictedClasses(prediction), average);
    }

    /** F1 of model outputs against targets, combined by {@code average}. */
    public static double f1(Tensor prediction, Tensor target, Average average) {
        return f1(targetClasses(target), predictedClasses(prediction), average);
    }

    /** The confusion matrix of model outputs against targets. */
    public static ConfusionMatrix confusionMatrix(Tensor prediction, Tensor target) {
        return confusionMatrix(targetClasses(target), predictedClasses(prediction));
    }

    /**
     * Log loss of predicted probabilities: {@code [n]} or {@code [n, 1]} (probability of class 1, binary) or
     * {@code [n, classes]} (rows of class probabilities), against class indices or one-hot targets.
     */
    public static double logLoss(Tensor probabilities, Tensor target) {
        int[] y = targetClasses(target);
        if (Scores.singleColumn(probabilities)) {
            return logLoss(y, probabilities.toDoubleArray());
        }
        if (probabilities.rank() != 2) {
            throw new IllegalArgumentException("Metrics.logLoss: probabilities must have shape [n], [n, 1] or "
                    + "[n, classes], got " + java.util.Arrays.toString(probabilities.shape()));
        }
        int n = (int) probabilities.size(0);
        int k = (int) probabilities.size(1);
        double[] v = probabilities.toDoubleArray();
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = java.util.Arrays.copyOfRange(v, i * k, (i + 1) * k);
        }
        return logLoss(y, rows);
    }

    /** Mean squared error over all elements; the two tensors hold the same number of elements. */
    public static double mse(Tensor prediction, Tensor target) {
        double[][] p = Scores.pair("Metrics.mse", prediction, target);
        return mse(p[1], p[0]);
    }

    /** Mean absolute error over all elements; the two tensors hold the same number of elements. */
    public static double mae(Tensor prediction, Tensor target) {
        double[][] p = Scores.pair("Metrics.mae", prediction, target);
        return mae(p[1], p[0]);
    }

    /**
     * R² over all elements for {@code [n]} or {@code [n, 1]}; for {@code [n, k]} targets, the mean of the per-column
     * R² values (scikit-learn's {@code uniform_average}).
     */
    public static double r2(Tensor prediction, Tensor target) {
        double[][] p = Scores.pair("Metrics.r2", prediction, target);
        if (Scores.singleColumn(target)) {
            return r2(p[1], p[0]);
        }
        int n = (int) target.size(0);
        int k = (int) (target.size() / Math.max(1, n));
        double s = 0;
        for (int j = 0; j < k; j++) {
            double[] t = new double[n];
            double[] q = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = p[1][i * k + j];
                q[i] = p[0][i * k + j];
            }
            s += r2(t, q);
        }
        return s / k;
    }
}
