package org.autograd4j.nn.optim;

import java.util.List;
import org.autograd4j.core.Tensor;

/**
 * Adam as PyTorch's {@code torch.optim.Adam}, weight decay being an L2 term: with {@code g = grad + weightDecay * p},
 * {@code m = beta1 * m + (1 - beta1) * g}, {@code v = beta2 * v + (1 - beta2) * g²} and
 * {@code p -= lr * m^ / (sqrt(v^) + eps)}, where {@code m^ = m / (1 - beta1^t)}, {@code v^ = v / (1 - beta2^t)} and
 * {@code t} counts the parameter's steps from 1.
 *
 * <p><b>Note (amsgrad).</b> With amsgrad, {@code v^ = vMax / (1 - beta2^t)} where {@code vMax = max(vMax, v)}: the
 * running maximum is over the raw second moment, before bias correction, which is what PyTorch computes and what its
 * current documentation states (older documentation wrote a maximum over bias-corrected values, a different rule).
 *
 * <pre>{@code
 * Optimizer opt = Adam.builder(model.parameters()).lr(1e-3).betas(0.9, 0.999).build();
 * }</pre>
 */
public final class Adam extends AdamBase {
    private static final String NAME = "Adam";

    private Adam(Builder b) {
        super(NAME, b, false);
    }

    /**
     * A builder over the tensors to update; defaults as PyTorch's:
     * {@code lr 1e-3, betas (0.9, 0.999), eps 1e-8, weightDecay 0, amsgrad false}.
     *
     * @param params leaves that require grad, each once
     * @return a new builder
     */
    public static Builder builder(List<Tensor> params) {
        return new Builder(params);
    }

    /**
     * A builder over parameter groups, as PyTorch's list of param-group dicts: each group's parameters take the
     * hyper-parameters the group sets and, for the rest, this builder's (defaults as {@link #builder(List)}'s).
     *
     * <pre>{@code
     * Adam.builder(ParamGroup.of(weights), ParamGroup.of(biases).weightDecay(0)).lr(1e-3).build();
     * }</pre>
     *
     * @param groups one or more groups; each parameter in one group only
     * @return the builder
     * @throws IllegalArgumentException if no group is given
     */
    public static Builder builder(ParamGroup... groups) {
        return new Builder(groups);
    }

    /** Collects {@link Adam}'s hyper-parameters; {@link #build()} checks them. */
    public static final class Builder extends AdamBuilder<Builder> {
        private Builder(List<Tensor> params) {
            super(params, 0);
        }

        private Builder(ParamGroup[] groups) {
            super(NAME, groups, 0);
        }

        /**
         * The optimizer.
         *
         * @return a new optimizer over the parameters, with no state yet
         * @throws IllegalArgumentException naming the first invalid parameter list or hyper-parameter and its value
         */
        public Adam build() {
            return new Adam(this);
        }
    }
}
