package org.autograd4j.examples.cli.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.autograd4j.core.Tensor;
import org.autograd4j.examples.data.Task;
import org.autograd4j.nn.Activation;
import org.autograd4j.nn.Loss;
import org.autograd4j.nn.Losses;

/**
 * The losses the tool trains with, and what each implies for the network's last layer and for the label tensor.
 */
public enum LossKind {
    /** Cross-entropy on logits: one output per class, labels as class indices {@code [n]}. */
    CROSS_ENTROPY("cross-entropy", Task.CLASSIFICATION),
    /** Binary cross-entropy on a sigmoid output: one output (two classes only), labels {@code [n, 1]} of 0 or 1. */
    BCE("bce", Task.CLASSIFICATION),
    /** Mean squared error: one output, targets {@code [n, 1]}. */
    MSE("mse", Task.REGRESSION),
    /** Mean absolute error: one output, targets {@code [n, 1]}. */
    L1("l1", Task.REGRESSION),
    /** Huber loss with delta 1: one output, targets {@code [n, 1]}. */
    HUBER("huber", Task.REGRESSION);

    private final String id;
    private final Task task;

    LossKind(String id, Task task) {
        this.id = id;
        this.task = task;
    }

    /**
     * The loss called {@code name} on the command line.
     *
     * @param name the command-line name, case-insensitive
     * @return the loss
     * @throws IllegalArgumentException listing the choices if there is none
     */
    public static LossKind parse(String name) {
        for (LossKind k : values()) {
            if (k.id.equals(name.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + Report.cut(name) + "'; choose one of " + choices());
    }

    /**
     * The names accepted by {@link #parse}, comma-separated.
     *
     * @return the names, comma-separated
     */
    public static String choices() {
        return Arrays.stream(values()).map(LossKind::id).collect(Collectors.joining(", "));
    }

    /**
     * The command-line name, e.g. {@code cross-entropy}.
     *
     * @return the command-line name
     */
    public String id() {
        return id;
    }

    /**
     * Classification or regression.
     *
     * @return the task
     */
    public Task task() {
        return task;
    }

    /**
     * The number of network outputs for {@code classes} classes (ignored for regression).
     *
     * @param classes the number of classes, at least 2 for classification
     * @return the number of outputs, at least 1
     * @throws IllegalArgumentException if binary cross-entropy meets more than two classes
     */
    public int outputs(int classes) {
        if (this == BCE && classes != 2) {
            throw new IllegalArgumentException("loss bce needs exactly 2 classes, the data has " + classes
                    + "; use cross-entropy");
        }
        return this == CROSS_ENTROPY ? classes : 1;
    }

    /**
     * The activation of the last layer: a sigmoid for {@link #BCE}, none (logits or values) otherwise.
     *
     * @return SIGMOID or NONE
     */
    public Activation outputActivation() {
        return this == BCE ? Activation.SIGMOID : Activation.NONE;
    }

    /**
     * The loss function.
     *
     * @return the loss, mean-reduced
     */
    public Loss loss() {
        return switch (this) {
            case CROSS_ENTROPY -> Losses.crossEntropy();
            case BCE -> Losses.binaryCrossEntropy();
            case MSE -> Losses.mse();
            case L1 -> Losses.l1();
            case HUBER -> Losses.huber(1.0);
        };
    }

    /**
     * Labels {@code [n]} in the shape this loss compares with the network's output.
     *
     * @param labels the labels, shape {@code [n]}
     * @return {@code [n]} or {@code [n, 1]}, as the loss needs
     */
    public Tensor shapeLabels(Tensor labels) {
        return this == CROSS_ENTROPY ? labels.reshape(labels.size(0)) : labels.reshape(labels.size(0), 1);
    }

    /**
     * Class probabilities {@code [n, classes]} from the network's output (classification only): the softmax of the
     * logits, or {@code [1 - p, p]} for a sigmoid output.
     *
     * @param output the network's output, {@code [n, outputs]}
     * @return a new tensor {@code [n, classes]}
     */
    public Tensor probabilities(Tensor output) {
        if (this == BCE) {
            Tensor p = output.reshape(output.size(0), 1);
            return Tensor.concat(java.util.List.of(p.neg().add(1.0), p), 1);
        }
        return output.softmax(-1);
    }
}
