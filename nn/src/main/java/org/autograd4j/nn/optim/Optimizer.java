package org.autograd4j.nn.optim;

import java.util.List;
import java.util.OptionalDouble;
import org.autograd4j.core.Tensor;

/**
 * Updates parameters from their gradients. Every optimizer is built from the tensors it updates and keeps its state
 * per parameter, typed; {@link #state()} exports it for checkpoints so a resumed run continues exactly.
 *
 * <pre>{@code
 * Optimizer opt = Adam.builder(model.parameters()).lr(1e-3).build();
 * for (...) {
 *     opt.zeroGrad();
 *     loss(model.forward(x), y).backward();
 *     opt.step();
 * }
 * }</pre>
 */
public interface Optimizer {
    /** Applies one update to every parameter that has a gradient (parameters without one are skipped). */
    void step();

    /** Clears the gradients of all parameters. */
    void zeroGrad();

    /**
     * The parameters this optimizer updates, in the order given when it was built.
     *
     * @return the parameter tensors themselves (not copies)
     */
    List<Tensor> parameters();

    /**
     * The current learning rate (group 0's when the optimizer has several {@link ParamGroup}s).
     *
     * @return the learning rate, at least 0
     */
    double learningRate();

    /**
     * Changes the learning rate, of every group when the optimizer has several (schedulers set each group's with
     * {@link #setLearningRate(int, double)}). Zero is allowed here, unlike in the builders, because a
     * schedule may reach it (cosine annealing to {@code etaMin = 0} does at {@code tMax}, as in PyTorch).
     *
     * @param lr the new learning rate, finite and at least 0
     * @throws IllegalArgumentException if {@code lr} is negative, NaN or infinite
     */
    void setLearningRate(double lr);

    /**
     * The number of parameter groups: 1 unless the optimizer was built from several {@link ParamGroup}s.
     *
     * @return at least 1
     */
    default int groupCount() {
        return 1;
    }

    /**
     * Group {@code group}'s learning rate.
     *
     * @param group from 0 to {@link #groupCount()} - 1
     * @return its learning rate
     * @throws IllegalArgumentException if the group does not exist
     */
    default double learningRate(int group) {
        onlyGroupZero(group);
        return learningRate();
    }

    /**
     * Changes group {@code group}'s learning rate (schedulers call this for every group, each from its own base rate,
     * as PyTorch's schedulers do).
     *
     * @param group from 0 to {@link #groupCount()} - 1
     * @param lr    {@code >= 0}
     * @throws IllegalArgumentException if the group does not exist or {@code lr} is negative, NaN or infinite
     */
    default void setLearningRate(int group, double lr) {
        onlyGroupZero(group);
        setLearningRate(lr);
    }

    /**
     * The parameters of group {@code group}, in order (a part of {@link #parameters()}).
     *
     * @param group from 0 to {@link #groupCount()} - 1
     * @return its parameters
     * @throws IllegalArgumentException if the group does not exist
     */
    default List<Tensor> parameters(int group) {
        onlyGroupZero(group);
        return parameters();
    }

    /**
     * Group {@code group}'s momentum factor ({@link Sgd}, {@link RmsProp}) or first-moment decay {@code beta1}
     * ({@link Adam}, {@link AdamW}): what {@link OneCycleLr} cycles, as PyTorch's {@code OneCycleLR} does.
     *
     * @param group from 0 to {@link #groupCount()} - 1
     * @return the value, or empty for an optimizer without one (Adagrad)
     * @throws IllegalArgumentException if the group does not exist
     */
    default OptionalDouble momentum(int group) {
        onlyGroupZero(group);
        return OptionalDouble.empty();
    }

    /**
     * Changes group {@code group}'s momentum factor (or beta1), as {@link #momentum(int)} names it.
     *
     * @param group    from 0 to {@link #groupCount()} - 1
     * @param momentum the new value, checked as the builder checks it
     * @throws IllegalArgumentException      if the group does not exist or the value is out of range
     * @throws UnsupportedOperationException if this optimizer has no momentum
     */
    default void setMomentum(int group, double momentum) {
        onlyGroupZero(group);
        throw new UnsupportedOperationException(getClass().getSimpleName() + ": has no momentum to set");
    }

    private void onlyGroupZero(int group) {
        if (group != 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": group " + group
                    + " does not exist; this optimizer has 1 group");
        }
    }

    /**
     * A copy of everything needed to resume: hyper-parameters, step count and per-parameter buffers.
     *
     * @return a new state, independent of this optimizer's later steps
     */
    OptimizerState state();

    /**
     * Restores a state exported by {@link #state()} of an optimizer of the same type over parameters of the same
     * shapes.
     *
     * @param state a state from {@link #state()} of the same kind of optimizer
     * @throws IllegalArgumentException if the type, the number of parameters or a buffer's size does not match
     */
    void loadState(OptimizerState state);
}
