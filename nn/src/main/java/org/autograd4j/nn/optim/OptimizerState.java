package org.autograd4j.nn.optim;

import java.util.Map;

/**
 * The exported state of an optimizer, in a form a checkpoint file can hold: its type, its hyper-parameters, and named
 * buffers (e.g. {@code "3.exp_avg"} for the first moment of parameter 3, {@code "step"}). Inside the optimizer the
 * state is typed; this flat form exists only for saving and loading.
 *
 * @param type            the optimizer's class simple name, e.g. {@code "Adam"}
 * @param hyperparameters learning rate, betas, eps, ... by name
 * @param buffers         per-parameter buffers and counters by name, in a stable (insertion) order
 */
public record OptimizerState(String type, Map<String, Double> hyperparameters, Map<String, double[]> buffers) {
}
