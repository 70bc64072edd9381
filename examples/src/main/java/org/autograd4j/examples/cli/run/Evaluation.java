package org.autograd4j.examples.cli.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.autograd4j.core.Tensor;
import org.autograd4j.examples.data.Task;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.data.Dataset;
import org.autograd4j.nn.metrics.ConfusionMatrix;
import org.autograd4j.nn.metrics.Metrics;

/**
 * The scores of a model on a dataset: for classification accuracy, precision, recall, F1 (of class 1 for two classes,
 * macro-averaged otherwise) and the confusion matrix; for regression MSE, MAE and R² in the target's units. Both
 * report the loss the model was trained on.
 *
 * @param task        classification or regression
 * @param rows        the number of rows scored
 * @param loss        the training loss on these rows
 * @param accuracy    the fraction of rows classified correctly (NaN for regression)
 * @param precision   precision (NaN for regression)
 * @param recall      recall (NaN for regression)
 * @param f1          F1 (NaN for regression)
 * @param confusion   the confusion matrix (null for regression)
 * @param mse         mean squared error in the target's units (NaN for classification)
 * @param mae         mean absolute error in the target's units (NaN for classification)
 * @param r2          the coefficient of determination (NaN for classification)
 * @param predictions the predicted class or value of every row
 * @param actual      the true class or value of every row
 */
public record Evaluation(Task task, int rows, double loss, double accuracy, double precision, double recall, double f1,
        ConfusionMatrix confusion, double mse, double mae, double r2, double[] predictions, double[] actual) {

    /**
     * Scores {@code model} (switched to evaluation mode, without recording gradients) on raw {@code data}.
     *
     * @param model the trained network
     * @param loss the loss it was trained with
     * @param pre the preprocessing fitted on the training rows
     * @param data the rows to score, in the data's own units
     * @param numClasses the number of classes (ignored for regression)
     * @return the scores
     */
    public static Evaluation of(Module model, LossKind loss, Preprocessing pre, Dataset data, int numClasses) {
        model.eval();
        Tensor out = Predictions.forward(model, pre.transform(data.features()));
        if (loss.task() == Task.REGRESSION) {
            Tensor target = loss.shapeLabels(pre.scaleTarget(data.labels())).to(out.dtype());
            double lossValue = loss.loss().compute(out, target).item();
            double[] predicted = pre.unscaleTarget(out);
            double[] actual = data.labels().toDoubleArray();
            return new Evaluation(Task.REGRESSION, data.size(), lossValue, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, null, Metrics.mse(actual, predicted), Metrics.mae(actual, predicted),
                    Metrics.r2(actual, predicted), predicted, actual);
        }
        double lossValue = loss.loss().compute(out, loss.shapeLabels(data.labels()).to(out.dtype())).item();
        int[] yTrue = data.classIndices();
        int[] yPred = Metrics.predictedClasses(loss.probabilities(out));
        Metrics.Average avg = numClasses == 2 ? Metrics.Average.BINARY : Metrics.Average.MACRO;
        return new Evaluation(Task.CLASSIFICATION, data.size(), lossValue, Metrics.accuracy(yTrue, yPred),
                Metrics.precision(yTrue, yPred, avg), Metrics.recall(yTrue, yPred, avg),
                Metrics.f1(yTrue, yPred, avg), Metrics.confusionMatrix(yTrue, yPred, numClasses), Double.NaN,
                Double.NaN, Double.NaN, toDouble(yPred), toDouble(yTrue));
    }

    private static double[] toDouble(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /**
     * The report, one line per score and the confusion matrix with the class names.
     *
     * @param what what was scored, e.g. {@code validation}
     * @param classNames the class names, in class-index order (empty for regression)
     * @return the lines, without line breaks
     */
    public List<String> lines(String what, List<String> classNames) {
        List<String> out = new ArrayList<>();
        if (task == Task.REGRESSION) {
            out.add(String.format(Locale.ROOT, "%s: %d rows, loss %.4f, mse %.4f, rmse %.4f, mae %.4f, r2 %.4f",
                    what, rows, loss, mse, Math.sqrt(mse), mae, r2));
            return out;
        }
        String avg = classNames.size() == 2 ? " (of class " + classNames.get(1) + ")" : " (macro average)";
        out.add(String.format(Locale.ROOT, "%s: %d rows, loss %.4f, accuracy %.4f, precision %.4f, recall %.4f,"
                + " f1 %.4f%s", what, rows, loss, accuracy, precision, recall, f1, avg));
        StringBuilder legend = new StringBuilder("confusion matrix (rows: true class, columns: predicted; ");
        for (int c = 0; c < classNames.size(); c++) {
            legend.append(c == 0 ? "" : ", ").append(c).append(" = ").append(classNames.get(c));
        }
        out.add(legend.append("):").toString());
        out.addAll(confusion.toString().lines().toList());
        return out;
    }
}
