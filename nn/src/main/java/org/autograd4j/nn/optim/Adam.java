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
        super(NAME, b.params, b.lr, Options.of(NAME, b.beta1, b.beta2, b.eps, b.weightDecay, b.amsgrad), false);
    }

    /**
     * A builder over the tensors to update; defaults as PyTorch's:
     * {@code lr 1e-3, betas (0.9, 0.999), eps 1e-8, weightDecay 0, amsgrad false}.
     *
     * @param params leaves that require grad, each once
     */
    public static Builder builder(List<Tensor> params) {
        return new Builder(params);
    }

    /** Collects {@link Adam}'s hyper-parameters; {@link #build()} checks them. */
    public static final class Builder {
        private final List<Tensor> params;
        private double lr = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-8;
        private double weightDecay = 0;
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

        /** The L2 penalty added to the gradient, {@code grad + weightDecay * p}, {@code >= 0}; default 0. */
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
        public Adam build() {
            return new Adam(this);
        }
    }
}
