package org.autograd4j.nn;

import java.util.Map;
import org.autograd4j.core.Tensor;

/**
 * The log-softmax along one axis: {@code y_i = x_i - log Σ_j e^{x_j}}, computed stably (fused in core); the input
 * {@link Losses#nll} expects. Input and output have any shape of rank at least 1, the same one. No parameters.
 */
public final class LogSoftmax extends Module {
    private final int axis;

    /** The log-softmax over the last axis (the class axis of {@code [batch, classes]}). */
    public LogSoftmax() {
        this(-1);
    }

    /**
     * The log-softmax over {@code axis}; a negative axis counts from the end, and is checked against each input.
     *
     * @param axis e.g. {@code 1} or {@code -1} for inputs {@code [batch, classes]}
     */
    public LogSoftmax(int axis) {
        this.axis = axis;
    }

    /**
     * The axis the log-softmax runs along (possibly negative).
     *
     * @return the axis as given to the constructor
     */
    public int axis() {
        return axis;
    }

    /**
     * Applies the log-softmax.
     *
     * @param x any shape of rank at least 1, e.g. {@code [batch, classes]}
     * @return the same shape
     * @throws IllegalArgumentException if the axis does not exist in {@code x}
     */
    @Override
    public Tensor forward(Tensor x) {
        Checks.axis("LogSoftmax", axis, x);
        return x.logSoftmax(axis);
    }

    /** {@code LogSoftmax{axis}}. */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of("LogSoftmax", Map.of("axis", Integer.toString(axis)));
    }
}
