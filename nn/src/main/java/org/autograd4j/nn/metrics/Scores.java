package org.autograd4j.nn.metrics;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;

/** The checks and counting behind {@link Metrics}; every message starts with the public method's name. */
final class Scores {
    /** Which per-class score to average. */
    enum Kind { PRECISION, RECALL, F1 }

    private Scores() {
    }

    static void checkLengths(String op, String a, int na, String b, int nb) {
        if (na != nb) {
            throw new IllegalArgumentException(op + ": " + a + " has " + na + " elements but " + b + " has " + nb);
        }
        if (na == 0) {
            throw new IllegalArgumentException(op + ": " + a + " and " + b + " are empty");
        }
    }

    static void checkClasses(String op, String name, int[] y) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) {
                throw new IllegalArgumentException(op + ": " + name + "[" + i + "] is " + y[i]
                        + "; class indices must be >= 0");
            }
        }
    }

    static int numClasses(int[] yTrue, int[] yPred) {
        int max = 0;
        for (int i = 0; i < yTrue.length; i++) {
            max = Math.max(max, Math.max(yTrue[i], yPred[i]));
        }
        return max + 1;
    }

    /**
     * Precision, recall or F1 with scikit-learn's averaging and {@code zero_division=0}: a score whose denominator is
     * 0 is 0. MACRO and WEIGHTED average over the classes present in either array.
     */
    static double score(String op, int[] yTrue, int[] yPred, Metrics.Average average, Kind kind) {
        checkLengths(op, "yTrue", yTrue.length, "yPred", yPred.length);
        checkClasses(op, "yTrue", yTrue);
        checkClasses(op, "yPred", yPred);
        if (average == null) {
            throw new IllegalArgumentException(op + ": average must not be null");
        }
        int k = numClasses(yTrue, yPred);
        long[] tp = new long[k];
        long[] fp = new long[k];
        long[] fn = new long[k];
        TreeSet<Integer> present = new TreeSet<>();
        for (int i = 0; i < yTrue.length; i++) {
            present.add(yTrue[i]);
            present.add(yPred[i]);
            if (yTrue[i] == yPred[i]) {
                tp[yTrue[i]]++;
            } else {
                fp[yPred[i]]++;
                fn[yTrue[i]]++;
            }
        }
        switch (average) {
            case BINARY -> {
                if (k > 2) {
                    throw new IllegalArgumentException(op + ": average BINARY needs labels 0 and 1 but the labels go "
                            + "up to " + (k - 1) + "; use MACRO, WEIGHTED or MICRO for multiclass");
                }
                return k < 2 ? 0.0 : of(kind, tp[1], fp[1], fn[1]);
            }
            case MICRO -> {
                return of(kind, sum(tp), sum(fp), sum(fn));
            }
            case MACRO -> {
                double s = 0;
                for (int c : present) {
                    s += of(kind, tp[c], fp[c], fn[c]);
                }
                return s / present.size();
            }
            default -> {
                double s = 0;
                for (int c : present) {
                    s += of(kind, tp[c], fp[c], fn[c]) * (tp[c] + fn[c]);
                }
                return s / yTrue.length;
            }
        }
    }

    private static long sum(long[] v) {
        return Arrays.stream(v).sum();
    }

    private static double of(Kind kind, long tp, long fp, long fn) {
        long den = switch (kind) {
            case PRECISION -> tp + fp;
            case RECALL -> tp + fn;
            case F1 -> 2 * tp + fp + fn;
        };
        return den == 0 ? 0.0 : (kind == Kind.F1 ? 2.0 * tp : tp) / (double) den;
    }

    /**
     * Classes from outputs: argmax of {@code [n, k > 1]}, or {@code p > threshold} for {@code [n]}, {@code [n, 1]};
     * an INT64 {@code [n]} or {@code [n, 1]} (what {@code argmax} returns) holds the classes themselves.
     */
    static int[] predicted(String op, Tensor prediction, double threshold) {
        if (prediction.dtype() == DType.INT64 && singleColumn(prediction)) {
            return target(op, prediction);
        }
        double[] v = prediction.toDoubleArray();
        if (singleColumn(prediction)) {
            int[] out = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = v[i] > threshold ? 1 : 0;
            }
            return out;
        }
        if (prediction.rank() != 2) {
            throw new IllegalArgumentException(op + ": prediction must have shape [n], [n, 1] or [n, classes], got "
                    + Arrays.toString(prediction.shape()));
        }
        return argmax(v, (int) prediction.size(0), (int) prediction.size(1));
    }

    /** Classes from targets: whole numbers in {@code [n]}/{@code [n, 1]}, or argmax of one-hot {@code [n, k > 1]}. */
    static int[] target(String op, Tensor target) {
        double[] v = target.toDoubleArray();
        if (singleColumn(target)) {
            int[] out = new int[v.length];
            for (int i = 0; i < v.length; i++) {
                if (!(v[i] >= 0) || v[i] != Math.rint(v[i]) || v[i] > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(op + ": target at row " + i + " is " + v[i]
                            + ", not a class index (a whole number >= 0)");
                }
                out[i] = (int) v[i];
            }
            return out;
        }
        if (target.rank() != 2) {
            throw new IllegalArgumentException(op + ": target must have shape [n], [n, 1] or [n, classes], got "
                    + Arrays.toString(target.shape()));
        }
        return argmax(v, (int) target.size(0), (int) target.size(1));
    }

    static boolean singleColumn(Tensor t) {
        return t.rank() == 1 || (t.rank() == 2 && t.size(1) == 1);
    }

    private static int[] argmax(double[] v, int n, int k) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (v[i * k + j] > v[i * k + best]) {
                    best = j;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** The values of two tensors holding the same number of elements, for the regression metrics. */
    static double[][] pair(String op, Tensor prediction, Tensor target) {
        if (prediction.size() != target.size()) {
            throw new IllegalArgumentException(op + ": prediction has " + prediction.size() + " elements (shape "
                    + Arrays.toString(prediction.shape()) + ") but target has " + target.size() + " (shape "
                    + Arrays.toString(target.shape()) + ")");
        }
        return new double[][] {prediction.toDoubleArray(), target.toDoubleArray()};
    }

    /** Checks a probability is in [0, 1] and clips it to [eps, 1 - eps] so that its logarithm is finite. */
    static double clip(String op, double p, int row) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(op + ": probability " + p + " at row " + row
                    + " is outside [0, 1] (log loss takes probabilities, not logits)");
        }
        return Math.min(Math.max(p, Metrics.LOG_LOSS_EPS), 1 - Metrics.LOG_LOSS_EPS);
    }

    /** {@code v} as {@code n} rows of equal length (row-major). */
    static double[][] rows(double[] v, int n) {
        int k = v.length / Math.max(1, n);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(v, i * k, (i + 1) * k);
        }
        return out;
    }

    /** Column {@code j} of {@code rows}, each of which must hold {@code k} values. */
    static double[] column(String op, double[][] rows, String name, int j, int k) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != k) {
                throw new IllegalArgumentException(op + ": " + name + "[" + i + "] has " + rows[i].length
                        + " values but yTrue[0] has " + k);
            }
            out[i] = rows[i][j];
        }
        return out;
    }

    /**
     * {@code {yTrue, yPred}} from the deprecated tensor forms' {@code (prediction, target)}, refusing the one swap
     * that is detectable: a single-column prediction of class indices against a multi-column target that is not
     * one-hot (model outputs passed as the target). Without the check that swap gives exchanged precision and recall.
     */
    static int[][] classes(String op, Tensor prediction, Tensor target) {
        if (singleColumn(prediction) && !singleColumn(target) && target.rank() == 2 && wholeNumbers(prediction)
                && !oneHot(target)) {
            throw new IllegalArgumentException(op + ": target " + Arrays.toString(target.shape()) + " holds scores,"
                    + " not one-hot rows, while prediction " + Arrays.toString(prediction.shape()) + " holds class"
                    + " indices: are the arguments swapped? This form takes (prediction, target); use " + op
                    + "(yTrue, yPred) with Metrics.targetClasses and Metrics.predictedClasses");
        }
        return new int[][] {target("Metrics.targetClasses", target), predicted("Metrics.predictedClasses", prediction,
                0.5)};
    }

    /** A deprecated tensor form's score: {@link #classes}, then {@code score} of {@code (yTrue, yPred)}. */
    static <R> R onClasses(String op, Tensor prediction, Tensor target, BiFunction<int[], int[], R> score) {
        int[][] c = classes(op, prediction, target);
        return score.apply(c[0], c[1]);
    }

    private static boolean wholeNumbers(Tensor t) {
        for (double v : t.toDoubleArray()) {
            if (!(v >= 0) || v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean oneHot(Tensor t) {
        double[] v = t.toDoubleArray();
        int k = (int) t.size(1);
        for (int i = 0; i < v.length; i += k) {
            int ones = 0;
            for (int j = i; j < i + k; j++) {
                if (v[j] == 1) {
                    ones++;
                } else if (v[j] != 0) {
                    return false;
                }
            }
            if (ones != 1) {
                return false;
            }
        }
        return true;
    }

    /** The regression scores that tensor forms compute. */
    enum Regression {
        MSE, MAE, R2
    }

    /**
     * A regression score of model outputs against targets (same element count; several output columns give the
     * mean of the per-column R² values), computed by the truth-first array forms.
     */
    static double regression(Regression kind, Tensor prediction, Tensor target) {
        String op = "Metrics." + kind.name().toLowerCase(java.util.Locale.ROOT);
        double[][] p = pair(op, prediction, target);
        return switch (kind) {
            case MSE -> Metrics.mse(p[1], p[0]);
            case MAE -> Metrics.mae(p[1], p[0]);
            case R2 -> singleColumn(target) ? Metrics.r2(p[1], p[0])
                    : Metrics.r2(rows(p[1], (int) target.size(0)), rows(p[0], (int) target.size(0)));
        };
    }

    /** Log loss of a probability column (binary) or rows of class probabilities, against class indices. */
    static double logLoss(Tensor probabilities, int[] yTrue) {
        if (singleColumn(probabilities)) {
            return Metrics.logLoss(yTrue, probabilities.toDoubleArray());
        }
        if (probabilities.rank() != 2) {
            throw new IllegalArgumentException("Metrics.logLoss: probabilities must have shape [n], [n, 1] or "
                    + "[n, classes], got " + Arrays.toString(probabilities.shape()));
        }
        return Metrics.logLoss(yTrue, rows(probabilities.toDoubleArray(), (int) probabilities.size(0)));
    }
}
