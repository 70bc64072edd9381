package org.autograd4j.nn.optim;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.core.backend.Parallel;

/**
 * The Adam update shared by {@link Adam} (weight decay as an L2 term in the gradient) and {@link AdamW} (decoupled
 * weight decay). On a parameter's step {@code t}: {@code m = beta1 * m + (1 - beta1) * g},
 * {@code v = beta2 * v + (1 - beta2) * g²}, with amsgrad {@code vMax = max(vMax, v)} used in place of {@code v}, and
 * {@code p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)}.
 *
 * <p>See the note on amsgrad in {@link Adam}.
 */
abstract class AdamBase extends BaseOptimizer<AdamBase.Options, AdamBase.Slot> {
    /** The hyper-parameters other than the learning rate; build them with {@link #of}, which checks them. */
    record Options(double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        static Options of(String op, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
            Check.unitInterval(op, "beta1", beta1);
            Check.unitInterval(op, "beta2", beta2);
            Check.nonNegative(op, "eps", eps);
            Check.nonNegative(op, "weightDecay", weightDecay);
            return new Options(beta1, beta2, eps, weightDecay, amsgrad);
        }
    }

    /**
     * Per-parameter state: step count, first and second moments, and (amsgrad only) the maximum second moment; in
     * double for a FLOAT64 parameter, in float for a FLOAT32 one (the {@code 32} fields, the others null), as PyTorch
     * keeps them, so that its step is one float loop (see {@link #updateFloat}).
     */
    static final class Slot {
        long step;
        double[] expAvg;
        double[] expAvgSq;
        double[] maxExpAvgSq;
        float[] expAvg32;
        float[] expAvgSq32;
        float[] maxExpAvgSq32;
    }

    /**
     * The cost of one element of the update in units of a simple pass (a square root and a division against one
     * multiply-add), for {@link Parallel#worthSplitting}.
     */
    static final long WORK = 4;

    /** True for AdamW: {@code p *= 1 - lr * weightDecay} before the step instead of adding the L2 term to g. */
    private final boolean decoupled;

    /** The optimizer {@code b} describes; its hyper-parameters are checked before its parameters, then its lr. */
    AdamBase(String name, AdamBuilder<?> b, boolean decoupled) {
        super(name, b, Set.of(Hyper.BETA1, Hyper.BETA2, Hyper.EPS, Hyper.WEIGHT_DECAY, Hyper.AMSGRAD),
                g -> Options.of(name, g.get(Hyper.BETA1, b.beta1), g.get(Hyper.BETA2, b.beta2), g.get(Hyper.EPS, b.eps),
                        g.get(Hyper.WEIGHT_DECAY, b.weightDecay), g.get(Hyper.AMSGRAD, b.amsgrad)),
                AdamBase::newSlot);
        this.decoupled = decoupled;
    }

    /** Zeroed moments in the parameter's float type; the running maximum only with AMSGrad. */
    private static Slot newSlot(Tensor param, Options options) {
        int n = (int) param.size();
        Slot s = new Slot();
        if (param.dtype() == DType.FLOAT32) {
            s.expAvg32 = new float[n];
            s.expAvgSq32 = new float[n];
            s.maxExpAvgSq32 = options.amsgrad ? new float[n] : null;
        } else {
            s.expAvg = new double[n];
            s.expAvgSq = new double[n];
            s.maxExpAvgSq = options.amsgrad ? new double[n] : null;
        }
        return s;
    }

    /** Applies the update the class comment states to parameter {@code i}. */
    @Override
    final void update(int i, double lr, Options o, double[] x, double[] grad) {
        Slot s = slots.get(i);
        if (s.expAvg == null) {
            throw new IllegalStateException(name + ": parameter " + i + " has FLOAT32 state; it is updated in float");
        }
        s.step++;
        double stepSize = lr / (1 - Math.pow(o.beta1, s.step));
        double invBc2Sqrt = 1 / Math.sqrt(1 - Math.pow(o.beta2, s.step));
        double shrink = decoupled ? 1 - lr * o.weightDecay : 1;
        double[] g = withWeightDecay(grad, x, decoupled ? 0 : o.weightDecay);
        if (Parallel.worthSplitting(WORK * x.length)) {
            Parallel.forRange(x.length, (from, to) -> update(x, g, s, o, stepSize, invBc2Sqrt, shrink, from, to));
        } else {
            update(x, g, s, o, stepSize, invBc2Sqrt, shrink, 0, x.length);
        }
    }

    /**
     * One fused loop. {@code sqrt(v) * invBc2Sqrt} stands for PyTorch's {@code sqrt(v) / sqrt(1 - beta2^t)}: a multiply
     * instead of a second division (the slowest operation here), equal to within an ulp. {@code shrink} is 1 for Adam,
     * and {@code x * 1} is exactly {@code x}. With amsgrad the running maximum of the raw second moment takes the place
     * of {@code v} in the denominator; the test on {@code amsgrad} does not change inside the loop, so the JIT compiles
     * one loop without it for each case (loop unswitching). Over {@code [from, to)}: elementwise, so a parameter split
     * over threads ({@link Parallel}) gets the one-thread result bit for bit.
     */
    private static void update(double[] x, double[] g, Slot s, Options o, double stepSize, double invBc2Sqrt,
            double shrink, int from, int to) {
        double b1 = o.beta1;
        double c1 = 1 - b1;
        double b2 = o.beta2;
        double c2 = 1 - b2;
        double eps = o.eps;
        double[] m = s.expAvg;
        double[] v = s.expAvgSq;
        double[] vMax = s.maxExpAvgSq;
        boolean amsgrad = vMax != null;
        for (int j = from; j < to; j++) {
            double gj = g[j];
            // kept out of the subnormal range (see SUBNORMAL_GUARD_64)
            double mj = b1 * m[j] + c1 * gj + SUBNORMAL_GUARD_64 - SUBNORMAL_GUARD_64;
            double vj = b2 * v[j] + c2 * (gj * gj) + SUBNORMAL_GUARD_64 - SUBNORMAL_GUARD_64;
            m[j] = mj;
            v[j] = vj;
            if (amsgrad) {
                vj = Math.max(vMax[j], vj);
                vMax[j] = vj;
            }
            x[j] = x[j] * shrink - stepSize * (mj / (Math.sqrt(vj) * invBc2Sqrt + eps));
        }
    }

    /**
     * The same update in float arithmetic on a FLOAT32 parameter and its float moments, as PyTorch computes it: one
     * loop that vectorises, 5× faster than widening to double and back (0.18 against 0.9–1.3 ms on the 235K
     * parameters of the MNIST example).
     */
    @Override
    final boolean updateFloat(int i, double lr, Options o, float[] x, float[] grad) {
        Slot s = slots.get(i);
        if (s.expAvg32 == null) {
            return false;
        }
        s.step++;
        float stepSize = (float) (lr / (1 - Math.pow(o.beta1, s.step)));
        float invBc2Sqrt = (float) (1 / Math.sqrt(1 - Math.pow(o.beta2, s.step)));
        float shrink = (float) (decoupled ? 1 - lr * o.weightDecay : 1);
        float wd = (float) (decoupled ? 0 : o.weightDecay);
        if (Parallel.worthSplitting(WORK * x.length)) {
            Parallel.forRange(x.length, (from, to) -> stepFloat(x, grad, s, o, stepSize, invBc2Sqrt, shrink, wd,
                    from, to));
        } else {
            stepFloat(x, grad, s, o, stepSize, invBc2Sqrt, shrink, wd, 0, x.length);
        }
        return true;
    }

    /** The float loop over {@code [from, to)} (elementwise, as the double one). */
    private static void stepFloat(float[] x, float[] grad, Slot s, Options o, float stepSize, float invBc2Sqrt,
            float shrink, float wd, int from, int to) {
        float b1 = (float) o.beta1;
        float c1 = (float) (1 - o.beta1);
        float b2 = (float) o.beta2;
        float c2 = (float) (1 - o.beta2);
        float eps = (float) o.eps;
        float[] m = s.expAvg32;
        float[] v = s.expAvgSq32;
        float[] vMax = s.maxExpAvgSq32;
        for (int j = from; j < to; j++) {
            float gj = wd == 0 ? grad[j] : grad[j] + wd * x[j];
            // kept out of the subnormal range (see SUBNORMAL_GUARD): the step moves by at most 5e-37 · stepSize / eps
            float mj = b1 * m[j] + c1 * gj + SUBNORMAL_GUARD - SUBNORMAL_GUARD;
            float vj = b2 * v[j] + c2 * (gj * gj) + SUBNORMAL_GUARD - SUBNORMAL_GUARD;
            m[j] = mj;
            v[j] = vj;
            if (vMax != null) {
                vj = Math.max(vMax[j], vj);
                vMax[j] = vj;
            }
            // (float) Math.sqrt of a float compiles to the float square root: no conversion in the loop
            x[j] = x[j] * shrink - stepSize * (mj / ((float) Math.sqrt(vj) * invBc2Sqrt + eps));
        }
    }

    /** Adam's momentum is beta1, as PyTorch's OneCycleLR takes it. */
    @Override
    final OptionalDouble momentumOf(Options o) {
        return OptionalDouble.of(o.beta1);
    }

    @Override
    final Options withMomentum(Options o, double beta1) {
        return Options.of(name, beta1, o.beta2, o.eps, o.weightDecay, o.amsgrad);
    }

    @Override
    final void exportOptions(Options o, Map<String, Double> hyper) {
        hyper.put("beta1", o.beta1);
        hyper.put("beta2", o.beta2);
        hyper.put("eps", o.eps);
        hyper.put("weight_decay", o.weightDecay);
        hyper.put("amsgrad", flag(o.amsgrad));
    }

    @Override
    final void exportSlot(int i, Slot s, Map<String, double[]> buffers) {
        buffers.put(i + ".step", new double[] {s.step});
        buffers.put(i + ".exp_avg", copy(s.expAvg, s.expAvg32));
        buffers.put(i + ".exp_avg_sq", copy(s.expAvgSq, s.expAvgSq32));
        if (s.maxExpAvgSq != null || s.maxExpAvgSq32 != null) {
            buffers.put(i + ".max_exp_avg_sq", copy(s.maxExpAvgSq, s.maxExpAvgSq32));
        }
    }

    @Override
    final Options readOptions(StateReader in) {
        return Options.of(name, in.hyper("beta1"), in.hyper("beta2"), in.hyper("eps"), in.hyper("weight_decay"),
                in.flag("amsgrad"));
    }

    @Override
    final Slot readSlot(StateReader in, int i, Options o) {
        Slot s = new Slot();
        s.step = in.step(i);
        double[] max = o.amsgrad ? in.buffer(i, "max_exp_avg_sq") : null;
        if (params.get(i).dtype() == DType.FLOAT32) {
            s.expAvg32 = narrowCopy(in.buffer(i, "exp_avg"));
            s.expAvgSq32 = narrowCopy(in.buffer(i, "exp_avg_sq"));
            s.maxExpAvgSq32 = max == null ? null : narrowCopy(max);
        } else {
            s.expAvg = in.buffer(i, "exp_avg");
            s.expAvgSq = in.buffer(i, "exp_avg_sq");
            s.maxExpAvgSq = max;
        }
        return s;
    }

    /** A double copy of whichever state array the slot holds (float state widens exactly). */
    private static double[] copy(double[] d, float[] f) {
        return d != null ? d.clone() : widenCopy(f);
    }

    /**
     * The builder part {@link Adam} and {@link AdamW} share: all their hyper-parameters, with PyTorch's defaults but
     * for the weight decay, whose default each names.
     */
    abstract static class AdamBuilder<B extends AdamBuilder<B>> extends BaseBuilder<B> {
        double beta1 = 0.9;
        double beta2 = 0.999;
        double eps = 1e-8;
        double weightDecay;
        boolean amsgrad;

        AdamBuilder(List<Tensor> params, double weightDecay) {
            super(params, 1e-3);
            this.weightDecay = weightDecay;
        }

        AdamBuilder(String op, ParamGroup[] groups, double weightDecay) {
            super(op, groups, 1e-3);
            this.weightDecay = weightDecay;
        }

        /**
         * The decay rates of the first and second moment averages, each in [0, 1); default (0.9, 0.999).
         *
         * @param beta1 the decay rate of the first moment, in [0, 1)
         * @param beta2 the decay rate of the second moment, in [0, 1)
         * @return this builder
         */
        public B betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return self();
        }

        /**
         * The term added to the denominator, {@code >= 0}; default 1e-8.
         *
         * @param eps the term, at least 0
         * @return this builder
         */
        public B eps(double eps) {
            this.eps = eps;
            return self();
        }

        /**
         * The weight decay, {@code >= 0}. For {@link Adam} the L2 penalty added to the gradient,
         * {@code grad + weightDecay * p}, default 0; for {@link AdamW} the decoupled decay rate, a step starting with
         * {@code p -= lr * weightDecay * p}, default 0.01.
         *
         * @param weightDecay the decay, at least 0
         * @return this builder
         */
        public B weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return self();
        }

        /**
         * Use the running maximum of the second moment (the AMSGrad variant); default false.
         *
         * @param amsgrad whether to use the AMSGrad variant
         * @return this builder
         */
        public B amsgrad(boolean amsgrad) {
            this.amsgrad = amsgrad;
            return self();
        }
    }
}
