package org.autograd4j.nn.optim;

import java.util.List;
import org.autograd4j.core.Tensor;

/**
 * AdamW as PyTorch's {@code torch.optim.AdamW}: weight decay is decoupled from the gradient,
 * {@code p -= lr * weightDecay * p} first, then the {@link Adam} step on the raw gradient ({@code m}, {@code v},
 * bias corrections and amsgrad as there, including its note on amsgrad).
 *
 * <pre>{@code
 * Optimizer opt = AdamW.builder(model.parameters()).lr(1e-3).weightDecay(0.01).build();
 * }</pre>
 */
public final class AdamW extends AdamBase {
    private static final String NAME = "AdamW";

    private AdamW(Builder b) {
        super(NAME, b, true);
    }

    /**
     * A builder over the tensors to update; defaults as PyTorch's:
     * {@code lr 1e-3, betas (0.9, 0.999), eps 1e-8, weightDecay 0.01, amsgrad false}.
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
     * AdamW.builder(ParamGroup.of(weights), ParamGroup.of(biases).weightDecay(0)).lr(1e-3).weightDecay(0.01).build();
     * }</pre>
     *
     * @param groups one or more groups; each parameter in one group only
     * @return the builder
     * @throws IllegalArgumentException if no group is given
     */
    public static Builder builder(ParamGroup... groups) {
        return new Builder(groups);
    }

    /** Collects {@link AdamW}'s hyper-parameters; {@link #build()} checks them. */
    public static final class Builder extends AdamBuilder<Builder> {
        private Builder(List<Tensor> params) {
            super(params, 0.01);
        }

        private Builder(ParamGroup[] groups) {
            super(NAME, groups, 0.01);
        }

        /**
         * The optimizer.
         *
         * @return a new optimizer over the parameters, with no state yet
         * @throws IllegalArgumentException naming the first invalid parameter list or hyper-parameter and its value
         */
        public AdamW build() {
            return new AdamW(this);
        }
    }
}
