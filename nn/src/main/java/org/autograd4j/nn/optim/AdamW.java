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
        super(NAME, b.params, b.lr, Options.of(NAME, b.beta1, b.beta2, b.eps, b.weightDecay, b.amsgrad), true);
    }

    /**
     * A builder over the tensors to update; defaults as PyTorch's:
     * {@code lr 1e-3, betas (0.9, 0.999), eps 1e-8, weightDecay 0.01, amsgrad false}.
     *
     * @param params leaves that require grad, each once
     */
    public static Builder builder(List<Tensor> params) {
        return new Builder(params);
    }

    /** Collects {@link AdamW}'s hyper-parameters; {@link #build()} checks them. */
    public static final class Builder {
        private final List<Tensor> params;
        private double lr = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-8;
        private double weightDecay = 0.01;
        private boolean amsgrad;

        private Builder(List<Tensor> params) {
            this.params = params;
        }

        /** The learning rate, {@code > 0}; default 1e-3. */
        public Builder lr(double lr) {
            this.lr = lr;
            return this;
        }

        /** The decay rates of the first and second moment averages, each in [0, 1); default (0.9, 0.999). */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /** The term added to the denominator, {@code >= 0}; default 1e-8. */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /**
         * The decoupled decay rate, {@code >= 0}: a step starts with {@code p -= lr * weightDecay * p}. Default 0.01.
         */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** Use the running maximum of the second moment (the AMSGrad variant); default false. */
        public Builder amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return this;
        }

        /**
         * The optimizer.
         *
         * @throws IllegalArgumentException naming the first invalid parameter list or hyper-parameter and its value
         */
        public AdamW build() {
            return new AdamW(this);
        }
    }
}
