package org.autograd4j.nn.optim;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.core.backend.Parallel;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight decay, as PyTorch's
 * {@code torch.optim.SGD}: with {@code g = grad + weightDecay * p}, the momentum buffer is {@code b = g} on a
 * parameter's first step and {@code b = momentum * b + (1 - dampening) * g} after; the update is
 * {@code p -= lr * (nesterov ? g + momentum * b : b)}, or {@code p -= lr * g} without momentum.
 *
 * <pre>{@code
 * Optimizer opt = Sgd.builder(model.parameters()).lr(0.1).momentum(0.9).nesterov(true).build();
 * }</pre>
 */
public final class Sgd extends BaseOptimizer<Sgd.Options, Sgd.Slot> {
    private static final String NAME = "Sgd";

    /** The hyper-parameters other than the learning rate, checked on creation. */
    record Options(double momentum, double dampening, boolean nesterov, double weightDecay) {
        Options {
            Check.nonNegative(NAME, "momentum", momentum);
            Check.fraction(NAME, "dampening", dampening);
            Check.nonNegative(NAME, "weightDecay", weightDecay);
            if (nesterov && (momentum <= 0 || dampening != 0)) {
                throw new IllegalArgumentException(NAME + ": nesterov requires momentum > 0 and dampening = 0, got "
                        + "momentum " + momentum + " and dampening " + dampening);
            }
        }
    }

    /**
     * Per-parameter state: the momentum buffer, null until the parameter's first step with momentum; in float
     * ({@code momentumBuffer32}) for a FLOAT32 parameter, as PyTorch keeps it.
     */
    static final class Slot {
        double[] momentumBuffer;
        float[] momentumBuffer32;
    }

    private Sgd(Builder b) {
        super(NAME, b, Set.of(Hyper.MOMENTUM, Hyper.DAMPENING, Hyper.NESTEROV, Hyper.WEIGHT_DECAY),
                g -> new Options(g.get(Hyper.MOMENTUM, b.momentum), g.get(Hyper.DAMPENING, b.dampening),
                        g.get(Hyper.NESTEROV, b.nesterov), g.get(Hyper.WEIGHT_DECAY, b.weightDecay)),
                (p, o) -> new Slot());
    }

    /**
     * A builder over the tensors to update; defaults as PyTorch's: {@code lr 1e-3, momentum 0, dampening 0,
     * nesterov false, weightDecay 0}.
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
     * Sgd.builder(ParamGroup.of(weights), ParamGroup.of(biases).weightDecay(0))
     *     .lr(0.1).momentum(0.9).weightDecay(5e-4).build();
     * }</pre>
     *
     * @param groups one or more groups; each parameter in one group only
     * @return the builder
     * @throws IllegalArgumentException if no group is given
     */
    public static Builder builder(ParamGroup... groups) {
        return new Builder(groups);
    }

    /**
     * Applies {@code p -= lr * update} to parameter {@code i} as the class comment states; a large parameter's
     * elements are split over threads ({@link Parallel}: elementwise, so bit-identical to one thread).
     */
    @Override
    void update(int i, double lr, Options o, double[] x, double[] grad) {
        double[] g = withWeightDecay(grad, x, o.weightDecay);
        Slot s = slots.get(i);
        boolean first = o.momentum != 0 && s.momentumBuffer == null;
        if (first) {
            s.momentumBuffer = new double[x.length];
        }
        double[] buf = o.momentum == 0 ? null : s.momentumBuffer;
        if (Parallel.worthSplitting(x.length)) {
            Parallel.forRange(x.length, (from, to) -> step(x, g, buf, first, lr, o, from, to));
        } else {
            step(x, g, buf, first, lr, o, 0, x.length);
        }
    }

    /**
     * SGD on float values and a float momentum buffer, in float arithmetic as PyTorch computes it ({@code g + wd·x},
     * the buffer {@code mu·buf + (1 - dampening)·g}, then {@code x - lr·update}, each rounded to float). Why not in
     * double like the other rules: a loop that converts every element between float and double does not vectorise
     * and ran 2 ms per step on the 235K parameters of the mlp-mnist-shape benchmark, against 0.04 ms in float. The
     * buffer is kept out of float's subnormal range as Adam's moments are ({@link #SUBNORMAL_GUARD}).
     */
    @Override
    boolean updateFloat(int i, double lrWide, Options o, float[] x, float[] g) {
        float[] buf = null;
        boolean first = false;
        if (o.momentum != 0) {
            Slot s = slots.get(i);
            buf = s.momentumBuffer32;
            first = buf == null;
            if (first) {
                buf = new float[x.length];
                s.momentumBuffer32 = buf;
            }
        }
        float[] b = buf;
        boolean f = first;
        float lr = (float) lrWide;
        float wd = (float) o.weightDecay;
        float mu = (float) o.momentum;
        float damp = (float) (1 - o.dampening);
        boolean nesterov = o.nesterov;
        if (Parallel.worthSplitting(x.length)) {
            Parallel.forRange(x.length, (from, to) -> stepFloat(x, g, b, f, lr, wd, mu, damp, nesterov, from, to));
        } else {
            stepFloat(x, g, b, f, lr, wd, mu, damp, nesterov, 0, x.length);
        }
        return true;
    }

    /** The float update over {@code [from, to)}; {@code buf} null without momentum. */
    private static void stepFloat(float[] x, float[] g, float[] buf, boolean first, float lr, float wd, float mu,
            float damp, boolean nesterov, int from, int to) {
        if (buf == null) {
            for (int j = from; j < to; j++) {
                float gj = wd == 0 ? g[j] : g[j] + wd * x[j];
                x[j] -= lr * gj;
            }
            return;
        }
        for (int j = from; j < to; j++) {
            float gj = wd == 0 ? g[j] : g[j] + wd * x[j];
            float bj = first ? gj : mu * buf[j] + damp * gj + SUBNORMAL_GUARD - SUBNORMAL_GUARD;
            buf[j] = bj;
            x[j] -= lr * (nesterov ? gj + mu * bj : bj);
        }
    }

    /** The double update over {@code [from, to)}, in separate simple loops so that each one vectorizes. */
    private static void step(double[] x, double[] g, double[] buf, boolean first, double lr, Options o, int from,
            int to) {
        if (buf == null) {
            for (int j = from; j < to; j++) {
                x[j] -= lr * g[j];
            }
            return;
        }
        double mu = o.momentum;
        if (first) {
            System.arraycopy(g, from, buf, from, to - from);
        } else {
            double damp = 1 - o.dampening;
            for (int j = from; j < to; j++) {
                buf[j] = mu * buf[j] + damp * g[j] + SUBNORMAL_GUARD_64 - SUBNORMAL_GUARD_64;
            }
        }
        if (o.nesterov) {
            for (int j = from; j < to; j++) {
                x[j] -= lr * (g[j] + mu * buf[j]);
            }
        } else {
            for (int j = from; j < to; j++) {
                x[j] -= lr * buf[j];
            }
        }
    }

    @Override
    OptionalDouble momentumOf(Options o) {
        return OptionalDouble.of(o.momentum);
    }

    @Override
    Options withMomentum(Options o, double momentum) {
        return new Options(momentum, o.dampening, o.nesterov, o.weightDecay);
    }

    @Override
    void exportOptions(Options o, Map<String, Double> hyper) {
        hyper.put("momentum", o.momentum);
        hyper.put("dampening", o.dampening);
        hyper.put("nesterov", flag(o.nesterov));
        hyper.put("weight_decay", o.weightDecay);
    }

    @Override
    void exportSlot(int i, Slot s, Map<String, double[]> buffers) {
        if (s.momentumBuffer != null) {
            buffers.put(i + ".momentum_buffer", s.momentumBuffer.clone());
        } else if (s.momentumBuffer32 != null) {
            buffers.put(i + ".momentum_buffer", widenCopy(s.momentumBuffer32));
        }
    }

    @Override
    Options readOptions(StateReader in) {
        return new Options(in.hyper("momentum"), in.hyper("dampening"), in.flag("nesterov"), in.hyper("weight_decay"));
    }

    @Override
    Slot readSlot(StateReader in, int i, Options o) {
        Slot s = new Slot();
        double[] buf = in.optionalBuffer(i, "momentum_buffer");
        if (buf != null && params.get(i).dtype() == DType.FLOAT32) {
            s.momentumBuffer32 = narrowCopy(buf);
        } else {
            s.momentumBuffer = buf;
        }
        return s;
    }

    /** Collects {@link Sgd}'s hyper-parameters; {@link #build()} checks them. */
    public static final class Builder extends BaseBuilder<Builder> {
        private double momentum;
        private double dampening;
        private boolean nesterov;
        private double weightDecay;

        private Builder(List<Tensor> params) {
            super(params, 1e-3);
        }

        private Builder(ParamGroup[] groups) {
            super(NAME, groups, 1e-3);
        }

        /**
         * The momentum factor, {@code >= 0}; default 0 (plain SGD).
         *
         * @param momentum the factor, at least 0
         * @return this builder
         */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /**
         * The dampening of the gradient's share in the momentum buffer, in [0, 1]; default 0.
         *
         * @param dampening the dampening, in [0, 1]
         * @return this builder
         */
        public Builder dampening(double dampening) {
            this.dampening = dampening;
            return this;
        }

        /**
         * Nesterov momentum (needs momentum > 0 and dampening 0); default false.
         *
         * @param nesterov whether to use Nesterov momentum
         * @return this builder
         */
        public Builder nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        /**
         * The L2 penalty added to the gradient, {@code grad + weightDecay * p}, {@code >= 0}; default 0.
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
        public Sgd build() {
            return new Sgd(this);
        }
    }
}
