package org.autograd4j.nn.optim;

import java.util.List;
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

    /** The parameters this optimizer updates, in the order given when it was built. */
    List<Tensor> parameters();

    /** The current learning rate. */
    double learningRate();

    /**
     * Changes the learning rate (schedulers call this). Zero is allowed here, unlike in the builders, because a
     * schedule may reach it (cosine annealing to {@code etaMin = 0} does at {@code tMax}, as in PyTorch).
     *
     * @throws IllegalArgumentException if {@code lr} is negative, NaN or infinite
     */
    void setLearningRate(double lr);

    /** A copy of everything needed to resume: hyper-parameters, step count and per-parameter buffers. */
    OptimizerState state();

    /**
     * Restores a state exported by {@link #state()} of an optimizer of the same type over parameters of the same
     * shapes.
     *
     * @throws IllegalArgumentException if the type, the number of parameters or a buffer's size does not match
     */
    void loadState(OptimizerState state);
}
