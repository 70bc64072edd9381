package org.autograd4j.nn.metrics;

import java.util.function.ToDoubleBiFunction;
import org.autograd4j.core.Tensor;

/**
 * A named score that {@link org.autograd4j.nn.train.Trainer} computes once per epoch over all the rows of the training
 * loader (as {@code name}) and of the validation loader (as {@code val_name}). It sees the whole epoch's outputs at
 * once, so scores that do not average over batches (F1, R²) come out exact.
 *
 * <pre>{@code
 * FitConfig.builder(model, loss, opt, train).validation(val).epochs(30)
 *         .metrics(Metric.accuracy(), Metric.f1(Metrics.Average.MACRO)).build();
 * Metric maxError = Metric.of("max_error", (pred, target) -> pred.sub(target).abs().max().item());
 * }</pre>
 */
public interface Metric {
    /**
     * The name the value is logged under, e.g. {@code accuracy}; not {@code loss}, not starting with {@code val_}.
     *
     * @return the name, not empty
     */
    String name();

    /**
     * The score of an epoch.
     *
     * @param prediction the model's outputs for every row of the epoch, {@code [n, ...]}
     * @param target     the loader's labels for the same rows, {@code [n]} or {@code [n, k]}
     * @return the score
     */
    double compute(Tensor prediction, Tensor target);

    /**
     * A metric from a name and a function.
     *
     * @param name the name the value is logged under; see {@link #name()}
     * @param fn computes the score from the predictions and targets, as {@link #compute}
     * @return the metric
     * @throws IllegalArgumentException if the name is empty, {@code loss}, or starts with {@code val_}
     */
    static Metric of(String name, ToDoubleBiFunction<Tensor, Tensor> fn) {
        if (name == null || name.isEmpty() || name.equals("loss") || name.startsWith("val_")) {
            throw new IllegalArgumentException("Metric.of: name must be non-empty, not 'loss' and not start with "
                    + "'val_', got '" + name + "'");
        }
        if (fn == null) {
            throw new IllegalArgumentException("Metric.of: function must not be null");
        }
        return new Metric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double compute(Tensor prediction, Tensor target) {
                return fn.applyAsDouble(prediction, target);
            }

            @Override
            public String toString() {
                return "Metric[" + name + "]";
            }
        };
    }

    /**
     * {@code accuracy}: argmax of {@code [n, classes]} outputs, or a single probability column above 0.5.
     *
     * @return the metric, stateless
     */
    static Metric accuracy() {
        return accuracy(0.5);
    }

    /**
     * {@code accuracy} with the threshold for a single output column (0 for logits).
     *
     * @param threshold a single output above it predicts class 1
     * @return the metric, stateless
     */
    static Metric accuracy(double threshold) {
        return of("accuracy", (p, t) -> Metrics.accuracy(Metrics.targetClasses(t),
                Metrics.predictedClasses(p, threshold)));
    }

    /**
     * {@code precision} (BINARY: {@code precision}; otherwise e.g. {@code precision_macro}).
     *
     * @param average how the per-class scores are combined (BINARY: class 1 alone)
     * @return the metric, stateless
     */
    static Metric precision(Metrics.Average average) {
        return of(suffixed("precision", average), (p, t) -> Metrics.precision(Metrics.targetClasses(t),
                Metrics.predictedClasses(p), average));
    }

    /**
     * {@code recall} (BINARY: {@code recall}; otherwise e.g. {@code recall_macro}).
     *
     * @param average how the per-class scores are combined (BINARY: class 1 alone)
     * @return the metric, stateless
     */
    static Metric recall(Metrics.Average average) {
        return of(suffixed("recall", average), (p, t) -> Metrics.recall(Metrics.targetClasses(t),
                Metrics.predictedClasses(p), average));
    }

    /**
     * {@code f1} (BINARY: {@code f1}; otherwise e.g. {@code f1_macro}).
     *
     * @param average how the per-class scores are combined (BINARY: class 1 alone)
     * @return the metric, stateless
     */
    static Metric f1(Metrics.Average average) {
        return of(suffixed("f1", average), (p, t) -> Metrics.f1(Metrics.targetClasses(t),
                Metrics.predictedClasses(p), average));
    }

    /**
     * {@code mse}: mean squared error.
     *
     * @return the metric, stateless
     */
    static Metric mse() {
        return of("mse", (p, t) -> Scores.regression(Scores.Regression.MSE, p, t));
    }

    /**
     * {@code mae}: mean absolute error.
     *
     * @return the metric, stateless
     */
    static Metric mae() {
        return of("mae", (p, t) -> Scores.regression(Scores.Regression.MAE, p, t));
    }

    /**
     * {@code r2}: the coefficient of determination.
     *
     * @return the metric, stateless
     */
    static Metric r2() {
        return of("r2", (p, t) -> Scores.regression(Scores.Regression.R2, p, t));
    }

    private static String suffixed(String name, Metrics.Average average) {
        if (average == null) {
            throw new IllegalArgumentException("Metric." + name + ": average must not be null");
        }
        return average == Metrics.Average.BINARY ? name
                : name + "_" + average.name().toLowerCase(java.util.Locale.ROOT);
    }
}
