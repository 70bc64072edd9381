package org.autograd4j.nn.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.autograd4j.core.Tensor;
import org.autograd4j.nn.data.OneHot;
import org.autograd4j.nn.metrics.Metrics.Average;
import org.junit.jupiter.api.Test;

/**
 * Expected values are worked out by hand in the comments (scikit-learn's definitions). The deprecated tensor forms
 * keep their tests: they must go on working for code compiled against them.
 */
@SuppressWarnings("deprecation")
class MetricsTest {
    // Per class (tp, fp, fn): 0 -> (2, 1, 0), 1 -> (1, 1, 2), 2 -> (2, 1, 1); supports 2, 3, 3.
    private static final int[] Y_TRUE = {0, 1, 2, 2, 1, 0, 1, 2};
    private static final int[] Y_PRED = {0, 2, 2, 2, 1, 0, 0, 1};
    private static final double EPS = 1e-12;

    @Test
    void multiclassScores() {
        assertEquals(5.0 / 8, Metrics.accuracy(Y_TRUE, Y_PRED), EPS);
        // precision 2/3, 1/2, 2/3; recall 1, 1/3, 2/3; F1 = 2tp/(2tp+fp+fn) = 4/5, 2/5, 2/3
        assertEquals((2.0 / 3 + 0.5 + 2.0 / 3) / 3, Metrics.precision(Y_TRUE, Y_PRED, Average.MACRO), EPS);
        assertEquals((1 + 1.0 / 3 + 2.0 / 3) / 3, Metrics.recall(Y_TRUE, Y_PRED, Average.MACRO), EPS);
        assertEquals((0.8 + 0.4 + 2.0 / 3) / 3, Metrics.f1(Y_TRUE, Y_PRED, Average.MACRO), EPS);
        assertEquals((2 * 2.0 / 3 + 3 * 0.5 + 3 * 2.0 / 3) / 8, Metrics.precision(Y_TRUE, Y_PRED, Average.WEIGHTED),
                EPS);
        assertEquals(5.0 / 8, Metrics.recall(Y_TRUE, Y_PRED, Average.WEIGHTED), EPS);
        assertEquals((2 * 0.8 + 3 * 0.4 + 3 * 2.0 / 3) / 8, Metrics.f1(Y_TRUE, Y_PRED, Average.WEIGHTED), EPS);
        assertEquals(5.0 / 8, Metrics.precision(Y_TRUE, Y_PRED, Average.MICRO), EPS);
        assertEquals(5.0 / 8, Metrics.f1(Y_TRUE, Y_PRED, Average.MICRO), EPS);
    }

    @Test
    void macroAveragesOverClassesPresentOnly() {
        // class 1 never appears: macro over {0, 2} only; class 0 P = 1, class 2 P = 1/2
        assertEquals(0.75, Metrics.precision(new int[] {0, 2, 2}, new int[] {0, 2, 0}, Average.MACRO), EPS);
    }

    @Test
    void binaryScoresAndZeroDivision() {
        int[] t = {1, 0, 1, 1, 0, 0};
        int[] p = {1, 1, 0, 1, 0, 0}; // tp 2, fp 1, fn 1
        assertEquals(2.0 / 3, Metrics.precision(t, p), EPS);
        assertEquals(2.0 / 3, Metrics.recall(t, p), EPS);
        assertEquals(2.0 / 3, Metrics.f1(t, p), EPS);
        int[] none = {0, 0, 0, 0, 0, 0};
        assertEquals(0.0, Metrics.precision(t, none), "nothing predicted positive: 0, not NaN");
        assertEquals(0.0, Metrics.recall(t, none));
        assertEquals(0.0, Metrics.f1(none, none));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.precision(Y_TRUE, Y_PRED));
        assertEquals("Metrics.precision: average BINARY needs labels 0 and 1 but the labels go up to 2; use MACRO, "
                + "WEIGHTED or MICRO for multiclass", e.getMessage());
    }

    @Test
    void confusionMatrixCountsAndPrints() {
        ConfusionMatrix cm = Metrics.confusionMatrix(Y_TRUE, Y_PRED);
        assertArrayEquals(new int[][] {{2, 0, 0}, {1, 1, 1}, {0, 1, 2}}, cm.counts());
        assertEquals(8, cm.total());
        assertEquals("        pred 0  pred 1  pred 2\n"
                + "true 0       2       0       0\n"
                + "true 1       1       1       1\n"
                + "true 2       0       1       2", cm.toString());
        assertEquals(4, Metrics.confusionMatrix(new int[] {0}, new int[] {1}, 4).numClasses());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.confusionMatrix(new int[] {0, 3}, new int[] {0, 1}, 3));
        assertEquals("Metrics.confusionMatrix: at position 1 yTrue is 3 and yPred is 1; both must be in [0, 3)",
                e.getMessage());
    }

    @Test
    void logLoss() {
        assertEquals(-(Math.log(0.9) + Math.log(0.8)) / 2, Metrics.logLoss(new int[] {1, 0}, new double[] {0.9, 0.2}),
                EPS);
        assertEquals(-(Math.log(0.7) + Math.log(0.6)) / 2,
                Metrics.logLoss(new int[] {0, 2}, new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.3, 0.6}}), EPS);
        assertEquals(-Math.log(1e-15), Metrics.logLoss(new int[] {1}, new double[] {0}), 1e-9, "clipped, finite");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.logLoss(new int[] {1}, new double[] {2.5}));
        assertEquals("Metrics.logLoss: probability 2.5 at row 0 is outside [0, 1] (log loss takes probabilities, "
                + "not logits)", e.getMessage());
        Tensor probs = Tensor.of(new double[] {0.7, 0.2, 0.1, 0.1, 0.3, 0.6}, 2, 3);
        assertEquals(-(Math.log(0.7) + Math.log(0.6)) / 2, Metrics.logLoss(probs, OneHot.encode(new int[] {0, 2}, 3)),
                EPS);
    }

    @Test
    void regression() {
        double[] t = {3, -0.5, 2, 7};
        double[] p = {2.5, 0, 2, 8};
        assertEquals(0.375, Metrics.mse(t, p), EPS);
        assertEquals(0.5, Metrics.mae(t, p), EPS);
        // SS_res = 1.5, mean 2.875, SS_tot = 29.1875
        assertEquals(1 - 1.5 / 29.1875, Metrics.r2(t, p), EPS);
        assertEquals(1.0, Metrics.r2(new double[] {1, 1}, new double[] {1, 1}));
        assertEquals(0.0, Metrics.r2(new double[] {1, 1}, new double[] {1, 2}));
        Tensor pred = Tensor.of(p, 4, 1);
        assertEquals(0.375, Metrics.mse(pred, Tensor.of(t)), EPS);
        // two columns: the mean of the per-column R² values
        Tensor t2 = Tensor.of(new double[] {1, 10, 2, 20, 3, 30}, 3, 2);
        Tensor p2 = Tensor.of(new double[] {1, 10, 2, 20, 4, 30}, 3, 2);
        assertEquals((1 - 1.0 / 2 + 1) / 2, Metrics.r2(p2, t2), EPS);
    }

    @Test
    void tensorsGiveClassesByArgmaxOrThreshold() {
        Tensor logits = Tensor.of(new double[] {2, 1, 0, 0, 1, 3, 1, 0, 0}, 3, 3);
        Tensor target = Tensor.of(new double[] {0, 2, 1});
        assertArrayEquals(new int[] {0, 2, 0}, Metrics.predictedClasses(logits));
        assertEquals(2.0 / 3, Metrics.accuracy(logits, target), EPS);
        assertEquals(2.0 / 3, Metrics.accuracy(logits, OneHot.encode(new int[] {0, 2, 1}, 3)), EPS);
        Tensor sigmoid = Tensor.of(new double[] {0.2, 0.7, 0.5}, 3, 1);
        assertArrayEquals(new int[] {0, 1, 0}, Metrics.predictedClasses(sigmoid), "0.5 is not above 0.5");
        assertEquals(2.0 / 3, Metrics.accuracy(sigmoid, Tensor.of(new double[] {0, 1, 1})), EPS);
        assertArrayEquals(new int[] {0, 1, 1}, Metrics.predictedClasses(Tensor.of(new double[] {-1, 2, 0.5}), 0));
        assertEquals(1.0, Metric.accuracy(0).compute(Tensor.of(new double[] {-1, 2}), Tensor.of(new double[] {0, 1})));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.accuracy(logits, Tensor.of(new double[] {0, 1.5, 1})));
        assertEquals("Metrics.targetClasses: target at row 1 is 1.5, not a class index (a whole number >= 0)",
                e.getMessage());
    }

    @Test
    void lengthsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.accuracy(new int[] {0, 1, 1}, new int[] {0, 1}));
        assertEquals("Metrics.accuracy: yTrue has 3 elements but yPred has 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metrics.mse(new double[0], new double[0]));
        assertEquals("Metrics.mse: yTrue and yPred are empty", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.mae(Tensor.zeros(3, 2), Tensor.zeros(3)));
        assertEquals("Metrics.mae: prediction has 6 elements (shape [3, 2]) but target has 3 (shape [3])",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.f1(new int[] {0, -1}, new int[] {0, 1}, Average.MACRO));
        assertEquals("Metrics.f1: yTrue[1] is -1; class indices must be >= 0", e.getMessage());
    }

    /** The swap a user made: binary labels as the prediction, two-column logits as the target. */
    @Test
    void swappedTensorsAreRefusedNotExchanged() {
        Tensor logits = Tensor.of(new double[] {2, -1, -1, 2, 0.5, 0, -1, 3}, 4, 2);   // argmax 0, 1, 0, 1
        Tensor labels = Tensor.of(new double[] {0, 1, 1, 1});
        assertEquals(1.0, Metrics.precision(logits, labels, Average.BINARY), EPS);
        assertEquals(2.0 / 3, Metrics.recall(logits, labels, Average.BINARY), EPS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.precision(labels, logits, Average.BINARY));
        assertEquals("Metrics.precision: target [4, 2] holds scores, not one-hot rows, while prediction [4] holds"
                + " class indices: are the arguments swapped? This form takes (prediction, target); use"
                + " Metrics.precision(yTrue, yPred) with Metrics.targetClasses and Metrics.predictedClasses",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Metrics.recall(labels, logits, Average.BINARY));
        assertThrows(IllegalArgumentException.class, () -> Metrics.f1(labels, logits, Average.BINARY));
        assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(labels, logits));
        assertThrows(IllegalArgumentException.class, () -> Metrics.confusionMatrix(labels, logits));
        // a sigmoid column swapped with 0/1 labels: the probabilities are not class indices
        Tensor sigmoid = Tensor.of(new double[] {0.9, 0.2, 0.8, 0.7});
        assertThrows(IllegalArgumentException.class, () -> Metrics.precision(labels, sigmoid, Average.BINARY));
        // one-hot targets against class-index predictions are not a swap
        assertEquals(0.75, Metrics.accuracy(labels, OneHot.encode(new int[] {0, 1, 0, 1}, 2)), EPS);
    }

    /** Truth first everywhere: the array forms, the converters, the deprecated forms and Trainer's metric agree. */
    @Test
    void oneOrderEverywhere() {
        Tensor logits = Tensor.of(new double[] {2, -1, -1, 2, 0.5, 0, -1, 3}, 4, 2);
        Tensor labels = Tensor.of(new double[] {0, 1, 1, 1});
        int[] yTrue = Metrics.targetClasses(labels);
        int[] yPred = Metrics.predictedClasses(logits);
        assertEquals(1.0, Metrics.precision(yTrue, yPred), EPS);
        assertEquals(2.0 / 3, Metrics.recall(yTrue, yPred), EPS);
        assertEquals(Metrics.precision(logits, labels, Average.BINARY), Metrics.precision(yTrue, yPred), EPS);
        assertEquals(Metrics.precision(yTrue, yPred), Metric.precision(Average.BINARY).compute(logits, labels), EPS);
        assertEquals(Metrics.recall(yTrue, yPred), Metric.recall(Average.BINARY).compute(logits, labels), EPS);
        assertEquals(Metrics.f1(yTrue, yPred), Metric.f1(Average.BINARY).compute(logits, labels), EPS);
        Tensor y = Tensor.of(new double[] {3, -0.5, 2, 7});
        Tensor p = Tensor.of(new double[] {2.5, 0, 2, 8}, 4, 1);
        assertEquals(Metrics.r2(y.toDoubleArray(), p.toDoubleArray()), Metric.r2().compute(p, y), EPS);
        assertEquals(Metrics.r2(y.toDoubleArray(), p.toDoubleArray()), Metrics.r2(p, y), EPS);
        assertEquals(Metrics.mse(y.toDoubleArray(), p.toDoubleArray()), Metric.mse().compute(p, y), EPS);
        assertEquals(Metrics.mae(y.toDoubleArray(), p.toDoubleArray()), Metric.mae().compute(p, y), EPS);
    }

    @Test
    void r2OfSeveralOutputsIsTheMeanOfTheColumns() {
        double[][] yTrue = {{1, 10}, {2, 20}, {3, 30}};
        double[][] yPred = {{1, 10}, {2, 20}, {4, 30}};
        assertEquals((1 - 1.0 / 2 + 1) / 2, Metrics.r2(yTrue, yPred), EPS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.r2(yTrue, new double[][] {{1, 10}, {2}, {3, 30}}));
        assertEquals("Metrics.r2: yPred[1] has 1 values but yTrue[0] has 2", e.getMessage());
    }
}
