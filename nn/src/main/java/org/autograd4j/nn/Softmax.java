package org.autograd4j.nn;

import java.util.Map;
import org.autograd4j.core.Tensor;

/**
 * The softmax along one axis: {@code y_i = e^{x_i} / Σ_j e^{x_j}}, non-negative values summing to 1 along the axis.
 * Input and output have any shape of rank at least 1, the same one. No parameters.
 */
public final class Softmax extends Module {
    private final int axis;

    /** The softmax over the last axis (the class axis of {@code [batch, classes]}). */
    public Softmax() {
        this(-1);
    }

    /**
     * The softmax over {@code axis}; a negative axis counts from the end, and is checked against each input.
     *
     * @param axis e.g. {@code 1} or {@code -1} for inputs {@code [batch, classes]}
     */
    public Softmax(int axis) {
        this.axis = axis;
    }

    /**
     * The axis the softmax runs along (possibly negative).
     *
     * @return the axis as given to the constructor
     */
    public int axis() {
        return axis;
    }

    /**
     * Applies the softmax.
     *
     * @param x any shape of rank at least 1, e.g. {@code [batch, classes]}
     * @return the same shape
     * @throws IllegalArgumentException if the axis does not exist in {@code x}
     */
    @Override
    public Tensor forward(Tensor x) {
        Checks.axis("Softmax", axis, x);
        return x.softmax(axis);
    }

    /** {@code Softmax{axis}}. */
    @Override
    public ModuleSpec describe() {
        return ModuleSpec.of("Softmax", Map.of("axis", Integer.toString(axis)));
    }
}
