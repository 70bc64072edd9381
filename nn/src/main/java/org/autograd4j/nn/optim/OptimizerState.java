package org.autograd4j.nn.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The exported state of an optimizer, in a form a checkpoint file can hold: its type, its hyper-parameters, and named
 * buffers (e.g. {@code "3.exp_avg"} for the first moment of parameter 3, {@code "3.step"} for its step count). Inside
 * the optimizer the state is typed; this flat form exists only for saving and loading.
 *
 * <p>Names follow PyTorch's {@code state_dict()}: hyper-parameters {@code lr}, {@code momentum}, {@code dampening},
 * {@code weight_decay}, {@code nesterov}, {@code alpha}, {@code eps}, {@code centered}, {@code lr_decay},
 * {@code initial_accumulator_value}, {@code beta1}, {@code beta2}, {@code amsgrad} (booleans as 0 or 1); buffers
 * {@code i.momentum_buffer}, {@code i.square_avg}, {@code i.grad_avg}, {@code i.sum}, {@code i.exp_avg},
 * {@code i.exp_avg_sq}, {@code i.max_exp_avg_sq} and {@code i.step} (one value) for parameter {@code i}. The buffer
 * {@code param_sizes} holds the element count of every parameter, so a state is never loaded into the wrong model.
 * An optimizer with several {@link ParamGroup}s also has the buffer {@code group_sizes} (parameters per group, in
 * order) and, for group {@code g >= 1}, its hyper-parameters under {@code group<g>.lr}, {@code group<g>.momentum}, ...
 * (group 0's keep the plain names, so a one-group state is as it always was).
 *
 * @param type            the optimizer's class simple name, e.g. {@code "Adam"}
 * @param hyperparameters learning rate, betas, eps, ... by name
 * @param buffers         per-parameter buffers and counters by name, in a stable (insertion) order
 */
public record OptimizerState(String type, Map<String, Double> hyperparameters, Map<String, double[]> buffers) {
    /**
     * Checks for nulls and keeps unmodifiable copies of the maps, in their iteration order.
     *
     * @param type the optimizer's class simple name
     * @param hyperparameters the hyper-parameters by name; copied
     * @param buffers the per-parameter buffers and counters by name; copied
     */
    public OptimizerState {
        Objects.requireNonNull(type, "OptimizerState: type is null");
        Objects.requireNonNull(hyperparameters, "OptimizerState: hyperparameters is null");
        Objects.requireNonNull(buffers, "OptimizerState: buffers is null");
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        buffers = Collections.unmodifiableMap(new LinkedHashMap<>(buffers));
    }
}
