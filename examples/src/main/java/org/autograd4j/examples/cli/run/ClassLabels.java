package org.autograd4j.examples.cli.run;

import java.util.List;
import java.util.TreeSet;
import org.autograd4j.nn.data.Csv;

/**
 * Checks the numeric class labels of a CSV file before anything is sized from them, naming the file line of the
 * first bad one: each must be a class index (a whole number {@code >= 0}), and none far beyond the number of distinct
 * labels (a label of 1000000 among two classes would otherwise size an output layer of a million units).
 */
final class ClassLabels {
    /** Gaps between labels allowed beyond the distinct ones: classes 1..K, or a class absent from this file. */
    private static final int SLACK = 16;

    private ClassLabels() {
    }

    /**
     * The number of classes of a training file with numeric labels: the largest label plus one.
     *
     * @throws IllegalArgumentException naming the file and line of a label that is not a class index, or of the
     *                                  largest label when it exceeds {@code max(2·distinct, distinct + 16)}
     */
    static int count(String source, Csv.Table t) {
        double[] y = t.dataset().labels().toDoubleArray();
        TreeSet<Double> distinct = new TreeSet<>();
        int largest = 0;
        for (int i = 0; i < y.length; i++) {
            checkIndex(source, t.rowLines(), y, i);
            distinct.add(y[i]);
            largest = y[i] > y[largest] ? i : largest;
        }
        int limit = Math.max(2 * distinct.size(), distinct.size() + SLACK);
        if (y[largest] >= limit) {
            throw new IllegalArgumentException(source + " line " + t.rowLines().get(largest) + ": class label "
                    + Report.number(y[largest]) + " is far beyond the " + distinct.size()
                    + " distinct labels of the file; numeric labels are class indices 0 to K-1 (here at most "
                    + (limit - 1) + "); renumber the classes, or use --loss mse for a regression");
        }
        return (int) y[largest] + 1;
    }

    /**
     * Checks every label against a model's {@code classes} classes.
     *
     * @throws IllegalArgumentException naming the file line of the first label the model does not know
     */
    static void check(String source, Csv.Table t, List<String> classes) {
        double[] y = t.dataset().labels().toDoubleArray();
        for (int i = 0; i < y.length; i++) {
            checkIndex(source, t.rowLines(), y, i);
            if (y[i] >= classes.size()) {
                throw new IllegalArgumentException(source + " line " + t.rowLines().get(i) + ": class label "
                        + Report.number(y[i]) + " is not one the model knows: it has " + classes.size()
                        + " classes " + Report.cut(classes.toString()));
            }
        }
    }

    private static void checkIndex(String source, List<Integer> lines, double[] y, int i) {
        if (!(y[i] >= 0) || y[i] != Math.rint(y[i]) || y[i] > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException(source + " line " + lines.get(i) + ": label " + Report.number(y[i])
                    + " is not a class index (a whole number >= 0); use --loss mse for a regression");
        }
    }
}
