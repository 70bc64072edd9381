package org.autograd4j.nn.optim;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.autograd4j.core.Tensor;
import org.autograd4j.core.backend.Parallel;

/**
 * RMSprop as PyTorch's {@code torch.optim.RMSprop}: with {@code g = grad + weightDecay * p},
 * {@code v = alpha * v + (1 - alpha) * g²} and, if centered, {@code gAvg = alpha * gAvg + (1 - alpha) * g} and
 * {@code v~ = v - gAvg²} (else {@code v~ = v}); then {@code p -= lr * g / (sqrt(v~) + eps)}, or with momentum
 * {@code b = momentum * b + g / (sqrt(v~) + eps); p -= lr * b}. All buffers start at zero.
 *
 * <pre>{@code
 * Optimizer opt = RmsProp.builder(model.parameters()).lr(1e-3).centered(true).momentum(0.9).build();
 * }</pre>
 */
public final class RmsProp extends BaseOptimizer<RmsProp.Options, RmsProp.Slot> {
    private static final String NAME = "RmsProp";

    /** The hyper-parameters other than the learning rate, checked on creation. */
    record Options(double alpha, double eps, double momentum, boolean centered, double weightDecay) {
        Options {
            Check.fraction(NAME, "alpha", alpha);
            Check.nonNegative(NAME, "eps", eps);
            Check.nonNegative(NAME, "momentum", momentum);
            Check.nonNegative(NAME, "weightDecay", weightDecay);
        }
    }

    /** Per-parameter state; {@code gradAvg} only when centered, {@code momentumBuffer} only with momentum. */
    static final class Slot {
        long step;
        double[] squareAvg;
        double[] gradAvg;
        double[] momentumBuffer;
    }

    private RmsProp(Builder b) {
        super(NAME, b, Set.of(Hyper.ALPHA, Hyper.EPS, Hyper.MOMENTUM, Hyper.CENTERED, Hyper.WEIGHT_DECAY),
                g -> new Options(g.get(Hyper.ALPHA, b.alpha), g.get(Hyper.EPS, b.eps),
                        g.get(Hyper.MOMENTUM, b.momentum), g.get(Hyper.CENTERED, b.centered),
                        g.get(Hyper.WEIGHT_DECAY, b.weightDecay)),
                RmsProp::newSlot);
    }

    /** A zeroed square average; the gradient average only when centered, the momentum buffer only with momentum. */
    private static Slot newSlot(Tensor param, Options o) {
        int n = (int) param.size();
        Slot s = new Slot();
        s.squareAvg = new double[n];
        s.gradAvg = o.centered ? new double[n] : null;
        s.momentumBuffer = o.momentum > 0 ? new double[n] : null;
        return s;
    }

    /**
     * A builder over the tensors to update; defaults as PyTorch's: {@code lr 0.01, alpha 0.99, eps 1e-8,
     * momentum 0, centered false, weightDecay 0}.
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
     * RmsProp.builder(ParamGroup.of(weights), ParamGroup.of(biases).weightDecay(0)).lr(0.01).build();
     * }</pre>
     *
     * @param groups one or more groups; each parameter in one group only
     * @return the builder
     * @throws IllegalArgumentException if no group is given
     */
    public static Builder builder(ParamGroup... groups) {
        return new Builder(groups);
    }

    /** Applies the update the class comment states to parameter {@code i}. */
    @Override
    void update(int i, double lr, Options o, double[] x, double[] grad) {
        Slot s = slots.get(i);
        s.step++;
        if (s.momentumBuffer == null && o.momentum > 0) {
            // momentum set after the optimizer was built (OneCycleLr cycles it): the buffer starts at zero
            s.momentumBuffer = new double[x.length];
        }
        double[] g = withWeightDecay(grad, x, o.weightDecay);
        double[] den = scratch(1);
        if (Parallel.worthSplitting(AdamBase.WORK * x.length)) {
            Parallel.forRange(x.length, (from, to) -> update(x, g, den, s, lr, o, from, to));
        } else {
            update(x, g, den, s, lr, o, 0, x.length);
        }
    }

    /**
     * Two passes of simple loops over {@code [from, to)}, so that each vectorizes: the averages and denominators, then
     * the update. Elementwise, so a range split over threads ({@link Parallel}) gives the one-thread result.
     */
    private static void update(double[] x, double[] g, double[] den, Slot s, double lr, Options o, int from, int to) {
        double alpha = o.alpha;
        double beta = 1 - alpha;
        double eps = o.eps;
        double[] sq = s.squareAvg;
        double[] ga = s.gradAvg;
        if (ga != null) {
            for (int j = from; j < to; j++) {
                double gj = g[j];
                double v = alpha * sq[j] + beta * (gj * gj) + SUBNORMAL_GUARD_64 - SUBNORMAL_GUARD_64;
                double a = alpha * ga[j] + beta * gj + SUBNORMAL_GUARD_64 - SUBNORMAL_GUARD_64;
                sq[j] = v;
                ga[j] = a;
                den[j] = Math.sqrt(v - a * a) + eps;
            }
        } else {
            for (int j = from; j < to; j++) {
                double gj = g[j];
                double v = alpha * sq[j] + beta * (gj * gj) + SUBNORMAL_GUARD_64 - SUBNORMAL_GUARD_64;
                sq[j] = v;
                den[j] = Math.sqrt(v) + eps;
            }
        }
        double[] buf = s.momentumBuffer;
        if (buf != null) {
            double mu = o.momentum;
            for (int j = from; j < to; j++) {
                double b = mu * buf[j] + g[j] / den[j] + SUBNORMAL_GUARD_64 - SUBNORMAL_GUARD_64;
                buf[j] = b;
                x[j] -= lr * b;
            }
        } else {
            for (int j = from; j < to; j++) {
                x[j] -= lr * (g[j] / den[j]);
            }
        }
    }

    @Override
    OptionalDouble momentumOf(Options o) {
        return OptionalDouble.of(o.momentum);
    }

    @Override
    Options withMomentum(Options o, double momentum) {
        return new Options(o.alpha, o.eps, momentum, o.centered, o.weightDecay);
    }

    @Override
    void exportOptions(Options o, Map<String, Double> hyper) {
        hyper.put("alpha", o.alpha);
        hyper.put("eps", o.eps);
        hyper.put("momentum", o.momentum);
        hyper.put("centered", flag(o.centered));
        hyper.put("weight_decay", o.weightDecay);
    }

    @Override
    void exportSlot(int i, Slot s, Map<String, double[]> buffers) {
        buffers.put(i + ".step", new double[] {s.step});
        buffers.put(i + ".square_avg", s.squareAvg.clone());
        if (s.momentumBuffer != null) {
            buffers.put(i + ".momentum_buffer", s.momentumBuffer.clone());
        }
        if (s.gradAvg != null) {
            buffers.put(i + ".grad_avg", s.gradAvg.clone());
        }
    }

    @Override
    Options readOptions(StateReader in) {
        return new Options(in.hyper("alpha"), in.hyper("eps"), in.hyper("momentum"), in.flag("centered"),
                in.hyper("weight_decay"));
    }

    @Override
    Slot readSlot(StateReader in, int i, Options o) {
        Slot s = new Slot();
        s.step = in.step(i);
        s.squareAvg = in.buffer(i, "square_avg");
        s.momentumBuffer = in.optionalBuffer(i, "momentum_buffer");
        s.gradAvg = o.centered ? in.buffer(i, "grad_avg") : null;
        return s;
    }

    /** Collects {@link RmsProp}'s hyper-parameters; {@link #build()} checks them. */
    public static final class Builder extends BaseBuilder<Builder> {
        private double alpha = 0.99;
        private double eps = 1e-8;
        private double momentum;
        private boolean centered;
        private double weightDecay;

        private Builder(List<Tensor> params) {
            super(params, 0.01);
        }

        private Builder(ParamGroup[] groups) {
            super(NAME, groups, 0.01);
        }

        /**
         * The smoothing constant of the squared-gradient average, in [0, 1]; default 0.99.
         *
         * @param alpha the smoothing constant, in [0, 1]
         * @return this builder
         */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /**
         * The term added to the denominator, {@code >= 0}; default 1e-8.
         *
         * @param eps the term, at least 0
         * @return this builder
         */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /**
         * The momentum factor, {@code >= 0}; default 0.
         *
         * @param momentum the factor, at least 0
         * @return this builder
         */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /**
         * Normalise by the estimated variance ({@code v - gAvg²}) instead of the second moment; default false.
         *
         * @param centered whether to normalise by the estimated variance
         * @return this builder
         */
        public Builder centered(boolean centered) {
            this.centered = centered;
            return this;
        }

        /**
         * The L2 penalty added to the gradient, {@code >= 0}; default 0.
         *
         * @param weightDecay the penalty factor, at least 0
         * @return this builder
         */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /**
         * The optimizer.
         *
         * @return a new optimizer over the parameters, with no state yet
         * @throws IllegalArgumentException naming the first invalid parameter list or hyper-parameter and its value
         */
        public RmsProp build() {
            return new RmsProp(this);
        }
    }
}
