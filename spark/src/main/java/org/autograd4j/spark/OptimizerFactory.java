package org.autograd4j.spark;

import java.io.Serializable;
import java.util.List;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.optim.Optimizer;

/**
 * Builds the optimizer over a model's parameters; serializable, since parameter averaging builds one on every
 * executor. A lambda is enough:
 *
 * <pre>{@code
 * OptimizerFactory adam = params -> Adam.builder(params).lr(1e-3).build();
 * }</pre>
 */
@FunctionalInterface
public interface OptimizerFactory extends Serializable {
    /**
     * A new optimizer over {@code params}, in the order given.
     *
     * @param params the model's parameters, {@link org.autograd4j.nn.Module#parameters()} order
     * @return the optimizer, with fresh state
     */
    Optimizer create(List<Tensor> params);
}
