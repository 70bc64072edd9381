package org.autograd4j.nn.optim;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autograd4j.core.Tensor;
import org.autograd4j.core.backend.Parallel;

/**
 * Adagrad as PyTorch's {@code torch.optim.Adagrad}: on a parameter's step {@code t} (counted from 1), with
 * {@code g = grad + weightDecay * p}, the sum starts at {@code initialAccumulatorValue} and becomes
 * {@code sum += g²}; then {@code p -= lr / (1 + (t - 1) * lrDecay) * g / (sqrt(sum) + eps)}.
 *
 * <pre>{@code
 * Optimizer opt = Adagrad.builder(model.parameters()).lr(0.1).lrDecay(1e-4).build();
 * }</pre>
 */
public final class Adagrad extends BaseOptimizer<Adagrad.Options, Adagrad.Slot> {
    private static final String NAME = "Adagrad";

    /** The hyper-parameters other than the learning rate, checked on creation. */
    record Options(double lrDecay, double weightDecay, double initialAccumulatorValue, double eps) {
        Options {
            Check.nonNegative(NAME, "lrDecay", lrDecay);
            Check.nonNegative(NAME, "weightDecay", weightDecay);
            Check.nonNegative(NAME, "initialAccumulatorValue", initialAccumulatorValue);
            Check.nonNegative(NAME, "eps", eps);
        }
    }

    /** Per-parameter state: the step count and the running sum of squared gradients. */
    static final class Slot {
        long step;
        double[] sum;
    }

    private Adagrad(Builder b) {
        super(NAME, b, Set.of(Hyper.LR_DECAY, Hyper.WEIGHT_DECAY, Hyper.INITIAL_ACCUMULATOR_VALUE, Hyper.EPS),
                g -> new Options(g.get(Hyper.LR_DECAY, b.lrDecay), g.get(Hyper.WEIGHT_DECAY, b.weightDecay),
                        g.get(Hyper.INITIAL_ACCUMULATOR_VALUE, b.initialAccumulatorValue), g.get(Hyper.EPS, b.eps)),
                Adagrad::newSlot);
    }

    /** The sum of squared gradients, starting at the initial accumulator value. */
    private static Slot newSlot(Tensor param, Options o) {
        Slot s = new Slot();
        s.sum = new double[(int) param.size()];
        Arrays.fill(s.sum, o.initialAccumulatorValue);
        return s;
    }

    /**
     * A builder over the tensors to update; defaults as PyTorch's: {@code lr 0.01, lrDecay 0, weightDecay 0,
     * initialAccumulatorValue 0, eps 1e-10}.
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
     * Adagrad.builder(ParamGroup.of(weights), ParamGroup.of(biases).weightDecay(0)).lr(0.1).build();
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
        double clr = lr / (1 + (s.step - 1) * o.lrDecay);
        double[] g = withWeightDecay(grad, x, o.weightDecay);
        if (Parallel.worthSplitting(AdamBase.WORK * x.length)) {
            Parallel.forRange(x.length, (from, to) -> update(x, g, s.sum, clr, o.eps, from, to));
        } else {
            update(x, g, s.sum, clr, o.eps, 0, x.length);
        }
    }

    /**
     * The update over {@code [from, to)}; elementwise, so split over threads ({@link Parallel}) it is bit-identical.
     */
    private static void update(double[] x, double[] g, double[] sum, double clr, double eps, int from, int to) {
        for (int j = from; j < to; j++) {
            double gj = g[j];
            double s = sum[j] + gj * gj;
            sum[j] = s;
            x[j] -= clr * (gj / (Math.sqrt(s) + eps));
        }
    }

    @Override
    void exportOptions(Options o, Map<String, Double> hyper) {
        hyper.put("lr_decay", o.lrDecay);
        hyper.put("weight_decay", o.weightDecay);
        hyper.put("initial_accumulator_value", o.initialAccumulatorValue);
        hyper.put("eps", o.eps);
    }

    @Override
    void exportSlot(int i, Slot s, Map<String, double[]> buffers) {
        buffers.put(i + ".step", new double[] {s.step});
        buffers.put(i + ".sum", s.sum.clone());
    }

    @Override
    Options readOptions(StateReader in) {
        return new Options(in.hyper("lr_decay"), in.hyper("weight_decay"), in.hyper("initial_accumulator_value"),
                in.hyper("eps"));
    }

    @Override
    Slot readSlot(StateReader in, int i, Options o) {
        Slot s = new Slot();
        s.step = in.step(i);
        s.sum = in.buffer(i, "sum");
        return s;
    }

    /** Collects {@link Adagrad}'s hyper-parameters; {@link #build()} checks them. */
    public static final class Builder extends BaseBuilder<Builder> {
        private double lrDecay;
        private double weightDecay;
        private double initialAccumulatorValue;
        private double eps = 1e-10;

        private Builder(List<Tensor> params) {
            super(params, 0.01);
        }

        private Builder(ParamGroup[] groups) {
            super(NAME, groups, 0.01);
        }

        /**
         * The decay of the learning rate per step, {@code lr / (1 + (t - 1) * lrDecay)}, {@code >= 0}; default 0.
         *
         * @param lrDecay the decay, at least 0
         * @return this builder
         */
        public Builder lrDecay(double lrDecay) {
            this.lrDecay = lrDecay;
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
         * The starting value of the sum of squared gradients, {@code >= 0}; default 0.
         *
         * @param initialAccumulatorValue the starting sum, at least 0
         * @return this builder
         */
        public Builder initialAccumulatorValue(double initialAccumulatorValue) {
            this.initialAccumulatorValue = initialAccumulatorValue;
            return this;
        }

        /**
         * The term added to the denominator, {@code >= 0}; default 1e-10.
         *
         * @param eps the term, at least 0
         * @return this builder
         */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /**
         * The optimizer.
         *
         * @return a new optimizer over the parameters, with no state yet
         * @throws IllegalArgumentException naming the first invalid parameter list or hyper-parameter and its value
         */
        public Adagrad build() {
            return new Adagrad(this);
        }
    }
}
