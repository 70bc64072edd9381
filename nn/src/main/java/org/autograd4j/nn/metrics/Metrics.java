package org.autograd4j.nn.metrics;

import org.autograd4j.core.Tensor;
import org.autograd4j.nn.metrics.Scores.Kind;

/**
 * Classification and regression scores with scikit-learn's definitions and conventions: a precision, recall or F1
 * whose denominator is 0 is 0 ({@code zero_division=0}); macro and weighted averages run over the classes present in
 * either array; R² of a constant target is 1 for a perfect prediction and 0 otherwise.
 *
 * <p><b>Note (argument order).</b> Every score takes the truth first: {@code (yTrue, yPred)}, as scikit-learn's
 * {@code sklearn.metrics} does. Why this order and not torchmetrics' {@code (preds, target)}: the scores here follow
 * scikit-learn's definitions and are checked against its numbers, most users of a metrics function know it from
 * there, and the {@code int[]} forms (most of this class) already took it; a {@link org.autograd4j.nn.Loss} keeps
 * PyTorch's {@code (prediction, target)}, and so does {@link Metric}, the per-epoch score
 * {@link org.autograd4j.nn.train.Trainer} calls with the model's output — a different family, whose arguments the
 * trainer passes, not the user. The tensor forms took {@code (prediction, target)}; a user who swapped two binary
 * tensors silently got precision and recall exchanged, so they are deprecated: turn tensors into classes with
 * {@link #targetClasses(Tensor)} and {@link #predictedClasses(Tensor, double)} (argmax of {@code [n, classes]} logits
 * or probabilities, or a threshold on a single column) and call the array forms. The deprecated forms still work and
 * refuse the swap they can see (a single column of class indices as the prediction against multi-column scores as the
 * target).
 *
 * <pre>{@code
 * Metrics.accuracy(new int[] {0, 1, 1, 0}, new int[] {0, 1, 0, 0});        // 0.75
 * int[] yTrue = Metrics.targetClasses(test.labels());                       // indices [n] or one-hot [n, k]
 * int[] yPred = Metrics.predictedClasses(model.forward(test.features()));   // logits [n, k]: argmax
 * Metrics.f1(yTrue, yPred, Metrics.Average.MACRO);
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
    /**
     * {@link #predictedClasses(Tensor, double)} with threshold 0.5 (a sigmoid output).
     *
     * @param prediction {@code [n, classes]} scores, or {@code [n]} / {@code [n, 1]} probabilities
     * @return {@code n} class indices
     */
    public static int[] predictedClasses(Tensor prediction) {
        return Scores.predicted("Metrics.predictedClasses", prediction, 0.5);
    }

    /**
     * The predicted class of each row.
     *
     * @param prediction {@code [n, classes]}: the argmax of each row (first on ties); {@code [n]} or {@code [n, 1]}:
     *                   1 where the value is {@code > threshold}, else 0; INT64 {@code [n]}: the classes themselves
     * @param threshold  for a single column: 0.5 for probabilities, 0 for logits
     * @return {@code n} class indices
     */
    public static int[] predictedClasses(Tensor prediction, double threshold) {
        return Scores.predicted("Metrics.predictedClasses", prediction, threshold);
    }

    /**
     * The true class of each row.
     *
     * @param target {@code [n]} or {@code [n, 1]} of whole numbers {@code >= 0}, or one-hot {@code [n, classes]}
     * @return {@code n} class indices
     * @throws IllegalArgumentException if a single-column value is not a non-negative whole number
     */
    public static int[] targetClasses(Tensor target) {
        return Scores.target("Metrics.targetClasses", target);
    }

    // ---------------------------------------------------------------- classification on arrays
    /**
     * The fraction of rows whose predicted class equals the true class.
     *
     * @param yTrue the true class of each row, each at least 0
     * @param yPred the predicted class of each row, as many as {@code yTrue}
     * @return the fraction, in [0, 1]
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static double accuracy(int[] yTrue, int[] yPred) {
        return ArrayScores.accuracy(yTrue, yPred);
    }

    /**
     * Binary precision of class 1: {@code tp / (tp + fp)}, 0 when nothing is predicted positive.
     *
     * @param yTrue the true class of each row, each at least 0
     * @param yPred the predicted class of each row, as many as {@code yTrue}
     * @return the fraction, in [0, 1]
     */
    public static double precision(int[] yTrue, int[] yPred) {
        return precision(yTrue, yPred, Average.BINARY);
    }

    /**
     * Precision {@code tp / (tp + fp)} per class, combined by {@code average}.
     *
     * @param yTrue the true class of each row, each at least 0
     * @param yPred the predicted class of each row, as many as {@code yTrue}
     * @param average how the per-class scores are combined (BINARY: class 1 alone)
     * @return the fraction, in [0, 1]
     * @throws IllegalArgumentException if the lengths differ or are 0, a class is negative, or BINARY meets a
     *                                  label above 1
     */
    public static double precision(int[] yTrue, int[] yPred, Average average) {
        return Scores.score("Metrics.precision", yTrue, yPred, average, Kind.PRECISION);
    }

    /**
     * Binary recall of class 1: {@code tp / (tp + fn)}, 0 when there is no true positive row.
     *
     * @param yTrue the true class of each row, each at least 0
     * @param yPred the predicted class of each row, as many as {@code yTrue}
     * @return the fraction, in [0, 1]
     */
    public static double recall(int[] yTrue, int[] yPred) {
        return recall(yTrue, yPred, Average.BINARY);
    }

    /**
     * Recall {@code tp / (tp + fn)} per class, combined by {@code average}; see {@code precision}.
     *
     * @param yTrue the true class of each row, each at least 0
     * @param yPred the predicted class of each row, as many as {@code yTrue}
     * @param average how the per-class scores are combined (BINARY: class 1 alone)
     * @return the fraction, in [0, 1]
     */
    public static double recall(int[] yTrue, int[] yPred, Average average) {
        return Scores.score("Metrics.recall", yTrue, yPred, average, Kind.RECALL);
    }

    /**
     * Binary F1 of class 1: {@code 2tp / (2tp + fp + fn)}, 0 when that is 0/0.
     *
     * @param yTrue the true class of each row, each at least 0
     * @param yPred the predicted class of each row, as many as {@code yTrue}
     * @return the fraction, in [0, 1]
     */
    public static double f1(int[] yTrue, int[] yPred) {
        return f1(yTrue, yPred, Average.BINARY);
    }

    /**
     * F1 {@code 2tp / (2tp + fp + fn)} per class, combined by {@code average}; see {@code precision}.
     *
     * @param yTrue the true class of each row, each at least 0
     * @param yPred the predicted class of each row, as many as {@code yTrue}
     * @param average how the per-class scores are combined (BINARY: class 1 alone)
     * @return the fraction, in [0, 1]
     */
    public static double f1(int[] yTrue, int[] yPred, Average average) {
        return Scores.score("Metrics.f1", yTrue, yPred, average, Kind.F1);
    }

    /**
     * {@link #confusionMatrix(int[], int[], int)} with {@code 1 + the largest label} classes.
     *
     * @param yTrue the true class of each row, each at least 0
     * @param yPred the predicted class of each row, as many as {@code yTrue}
     * @return the counts, {@code [true][predicted]}
     */
    public static ConfusionMatrix confusionMatrix(int[] yTrue, int[] yPred) {
        return ArrayScores.confusionMatrix(yTrue, yPred);
    }

    /**
     * Counts of (true, predicted) class pairs.
     *
     * @param yTrue the true class of each row, each at least 0
     * @param yPred the predicted class of each row, as many as {@code yTrue}
     * @param numClasses the matrix size; every label must be in {@code [0, numClasses)}
     * @return the counts, {@code [true][predicted]}
     * @throws IllegalArgumentException if the lengths differ or are 0, or a label is out of range
     */
    public static ConfusionMatrix confusionMatrix(int[] yTrue, int[] yPred, int numClasses) {
        return ArrayScores.confusionMatrix(yTrue, yPred, numClasses);
    }

    /**
     * Multiclass log loss (cross-entropy) {@code -mean(log p[i][yTrue[i]])}, probabilities clipped to
     * {@code [1e-15, 1 - 1e-15]}.
     *
     * @param yTrue the true class of each row, a column of {@code probabilities}
     * @param probabilities {@code n} rows of class probabilities (not logits)
     * @return the mean loss, at least 0
     * @throws IllegalArgumentException if the lengths differ, a label has no column, or a probability is outside [0, 1]
     */
    public static double logLoss(int[] yTrue, double[][] probabilities) {
        return ArrayScores.logLoss(yTrue, probabilities);
    }

    /**
     * Binary log loss {@code -mean(y log p + (1 - y) log(1 - p))}, probabilities clipped as above.
     *
     * @param yTrue            0 or 1 per row
     * @param probabilityOfOne the predicted probability of class 1 per row
     * @return the mean loss, at least 0
     */
    public static double logLoss(int[] yTrue, double[] probabilityOfOne) {
        return ArrayScores.logLoss(yTrue, probabilityOfOne);
    }

    // ---------------------------------------------------------------- regression on arrays
    /**
     * Mean squared error {@code mean((yTrue - yPred)²)}.
     *
     * @param yTrue the true value of each row
     * @param yPred the predicted value of each row, as many as {@code yTrue}
     * @return the mean, at least 0
     */
    public static double mse(double[] yTrue, double[] yPred) {
        return ArrayScores.mse(yTrue, yPred);
    }

    /**
     * Mean absolute error {@code mean(|yTrue - yPred|)}.
     *
     * @param yTrue the true value of each row
     * @param yPred the predicted value of each row, as many as {@code yTrue}
     * @return the mean, at least 0
     */
    public static double mae(double[] yTrue, double[] yPred) {
        return ArrayScores.mae(yTrue, yPred);
    }

    /**
     * The coefficient of determination {@code 1 - SS_res / SS_tot}; for a constant {@code yTrue}, 1 if the prediction
     * is exact and 0 otherwise (scikit-learn's {@code force_finite}).
     *
     * @param yTrue the true value of each row
     * @param yPred the predicted value of each row, as many as {@code yTrue}
     * @return the score, at most 1 (negative when worse than the mean)
     */
    public static double r2(double[] yTrue, double[] yPred) {
        return ArrayScores.r2(yTrue, yPred);
    }

    /**
     * R² of several outputs: the mean of the per-column R² values (scikit-learn's {@code uniform_average}).
     *
     * @param yTrue {@code n} rows of {@code k} true values
     * @param yPred {@code n} rows of {@code k} predicted values
     * @return the mean R² over the {@code k} columns
     * @throws IllegalArgumentException if the row counts differ or are 0, or a row's length differs from the first
     *                                  true row's
     */
    public static double r2(double[][] yTrue, double[][] yPred) {
        return ArrayScores.r2(yTrue, yPred);
    }

    // ---------------------------------------------------------------- tensors: deprecated, (prediction, target)
    // Why deprecated rather than reordered: code compiled against them would silently get the other order. Their
    // order was the opposite of every other overload (see the class note), and two swapped tensors of hard labels
    // cannot be told apart, so the safe form is the one order everywhere.

    /**
     * Accuracy of model outputs against targets; refuses arguments that look swapped (see {@code precision}).
     *
     * @param prediction the model's outputs, {@code [n, classes]}, or {@code [n]} / {@code [n, 1]} probabilities
     * @param target the labels: {@code [n]} class indices or one-hot {@code [n, classes]}
     * @return the fraction, in [0, 1]
     * @deprecated (prediction, target) is the opposite of the other overloads; use
     *             {@code accuracy(targetClasses(target), predictedClasses(prediction))}
     */
    @Deprecated
    public static double accuracy(Tensor prediction, Tensor target) {
        return Scores.onClasses("Metrics.accuracy", prediction, target, Metrics::accuracy);
    }

    /**
     * Precision of model outputs against targets, combined by {@code average}; throws
     * {@code IllegalArgumentException} when the arguments look swapped (a single column of class indices as the
     * prediction against a multi-column target that is not one-hot).
     *
     * @param prediction the model's outputs, {@code [n, classes]}, or {@code [n]} / {@code [n, 1]} probabilities
     * @param target the labels: {@code [n]} class indices or one-hot {@code [n, classes]}
     * @param average how the per-class scores are combined (BINARY: class 1 alone)
     * @return the fraction, in [0, 1]
     * @deprecated (prediction, target) is the opposite of the other overloads; use
     *             {@code precision(targetClasses(target), predictedClasses(prediction), average)}
     */
    @Deprecated
    public static double precision(Tensor prediction, Tensor target, Average average) {
        return Scores.onClasses("Metrics.precision", prediction, target, (t, p) -> precision(t, p, average));
    }

    /**
     * Recall of model outputs against targets, combined by {@code average}; refuses swapped-looking arguments.
     *
     * @param prediction the model's outputs, {@code [n, classes]}, or {@code [n]} / {@code [n, 1]} probabilities
     * @param target the labels: {@code [n]} class indices or one-hot {@code [n, classes]}
     * @param average how the per-class scores are combined (BINARY: class 1 alone)
     * @return the fraction, in [0, 1]
     * @deprecated (prediction, target) is the opposite of the other overloads; use
     *             {@code recall(targetClasses(target), predictedClasses(prediction), average)}
     */
    @Deprecated
    public static double recall(Tensor prediction, Tensor target, Average average) {
        return Scores.onClasses("Metrics.recall", prediction, target, (t, p) -> recall(t, p, average));
    }

    /**
     * F1 of model outputs against targets, combined by {@code average}; refuses swapped-looking arguments.
     *
     * @param prediction the model's outputs, {@code [n, classes]}, or {@code [n]} / {@code [n, 1]} probabilities
     * @param target the labels: {@code [n]} class indices or one-hot {@code [n, classes]}
     * @param average how the per-class scores are combined (BINARY: class 1 alone)
     * @return the fraction, in [0, 1]
     * @deprecated (prediction, target) is the opposite of the other overloads; use
     *             {@code f1(targetClasses(target), predictedClasses(prediction), average)}
     */
    @Deprecated
    public static double f1(Tensor prediction, Tensor target, Average average) {
        return Scores.onClasses("Metrics.f1", prediction, target, (t, p) -> f1(t, p, average));
    }

    /**
     * The confusion matrix of model outputs against targets; refuses swapped-looking arguments.
     *
     * @param prediction the model's outputs, {@code [n, classes]}, or {@code [n]} / {@code [n, 1]} probabilities
     * @param target the labels: {@code [n]} class indices or one-hot {@code [n, classes]}
     * @return the counts, {@code [true][predicted]}
     * @deprecated (prediction, target) is the opposite of the other overloads; use
     *             {@code confusionMatrix(targetClasses(target), predictedClasses(prediction))}
     */
    @Deprecated
    public static ConfusionMatrix confusionMatrix(Tensor prediction, Tensor target) {
        return Scores.onClasses("Metrics.confusionMatrix", prediction, target, Metrics::confusionMatrix);
    }

    /**
     * Log loss of predicted probabilities ({@code [n]}/{@code [n, 1]}: of class 1; {@code [n, classes]}: rows)
     * against class indices or one-hot targets.
     *
     * @param probabilities {@code [n]} / {@code [n, 1]} probabilities of class 1, or {@code [n, classes]} rows
     * @param target the labels: {@code [n]} class indices or one-hot {@code [n, classes]}
     * @return the mean loss, at least 0
     * @deprecated (probabilities, target) is the opposite of the other overloads; use
     *             {@code logLoss(targetClasses(target), probabilities)} on {@code double[]} or {@code double[][]}
     */
    @Deprecated
    public static double logLoss(Tensor probabilities, Tensor target) {
        return Scores.logLoss(probabilities, targetClasses(target));
    }

    /**
     * Mean squared error over all elements (the same number in both).
     *
     * @param prediction the predicted values, any shape
     * @param target the true values, as many as {@code prediction}
     * @return the mean, at least 0
     * @deprecated (prediction, target) is the opposite of the other overloads (harmless here: MSE is symmetric);
     *             use {@code mse(target.toDoubleArray(), prediction.toDoubleArray())}
     */
    @Deprecated
    public static double mse(Tensor prediction, Tensor target) {
        return Scores.regression(Scores.Regression.MSE, prediction, target);
    }

    /**
     * Mean absolute error over all elements (the same number in both).
     *
     * @param prediction the predicted values, any shape
     * @param target the true values, as many as {@code prediction}
     * @return the mean, at least 0
     * @deprecated (prediction, target) is the opposite of the other overloads (harmless here: MAE is symmetric);
     *             use {@code mae(target.toDoubleArray(), prediction.toDoubleArray())}
     */
    @Deprecated
    public static double mae(Tensor prediction, Tensor target) {
        return Scores.regression(Scores.Regression.MAE, prediction, target);
    }

    /**
     * R² over all elements for {@code [n]} or {@code [n, 1]}; for {@code [n, k]}, the mean of the per-column values.
     *
     * @param prediction the predicted values, {@code [n]}, {@code [n, 1]} or {@code [n, k]}
     * @param target the true values, of the same shape
     * @return the score, at most 1 (negative when worse than the mean)
     * @deprecated (prediction, target) is the opposite of the other overloads, and R² is not symmetric; use
     *             {@code r2(yTrue, yPred)} on {@code double[]} (one output) or {@code double[][]} rows (several)
     */
    @Deprecated
    public static double r2(Tensor prediction, Tensor target) {
        return Scores.regression(Scores.Regression.R2, prediction, target);
    }
}
