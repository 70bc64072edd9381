package org.autograd4j.nn.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;

/**
 * What every optimizer shares: the checked parameter list, the learning rate, its other hyper-parameters ({@code O})
 * and per-parameter slots ({@code S}) as typed fields, {@link #zeroGrad()}, the frame of {@link #step()} (which
 * parameters to update) and of {@link #state()} / {@link #loadState} (type, {@code lr}, {@code param_sizes}, then the
 * options and each slot in parameter order), and the builders' common part ({@link BaseBuilder}). Subclasses add their
 * update rule and how their options and slots are named in an {@link OptimizerState}.
 *
 * @param <O> the hyper-parameters other than the learning rate, checked when created
 * @param <S> the state of one parameter
 */
abstract class BaseOptimizer<O, S> implements Optimizer {
    /** The optimizer's name in messages and in {@link OptimizerState#type()}. */
    final String name;
    final List<Tensor> params;
    double lr;
    /** The hyper-parameters other than the learning rate; the subclass's constructor sets them. */
    O options;
    /** Parameter {@code i}'s state is {@code slots.get(i)}; the subclass's constructor sets them. */
    List<S> slots;
    /** Work arrays as long as the largest parameter, for the update loops; see {@link #scratch(int)}. */
    private final double[][] scratch = new double[2][];
    /**
     * Float state that decays geometrically (momentum, Adam's moments) is written as {@code v + GUARD - GUARD}: every
     * value above 2^-75 stays as it is, smaller ones round to multiples of 2^-123, so a buffer whose gradient stays 0
     * never becomes subnormal. Subnormal operands cost about 100 cycles each and made Adam's step 12× slower in MNIST
     * training; the rounding moves a step by at most about 5e-37 times its scale.
     */
    static final float SUBNORMAL_GUARD = 0x1p-100f;

    /**
     * The same guard for double state: {@code v + GUARD64 - GUARD64} keeps every value above 2^-907 and rounds smaller
     * ones to multiples of 2^-1012, above double's subnormal range (below 2^-1022). Without it, a FLOAT64 Adam moment
     * whose gradient stays 0 turns subnormal after about 6,700 steps and stays there (0.9 times the smallest subnormal
     * rounds back to it), and the step over such weights ran 8–10× slower; the rounding moves a value by at most
     * 1e-305.
     */
    static final double SUBNORMAL_GUARD_64 = 0x1p-960;

    /** Per-parameter double copies of FLOAT32 values and gradients, reused between steps (see {@link #step}). */
    private double[][] values;
    private double[][] grads;

    BaseOptimizer(String name, List<Tensor> params, double lr) {
        this.name = name;
        this.params = Check.parameters(name, params);
        this.lr = Check.positive(name, "lr", lr);
    }

    /**
     * Calls {@link #update} for every parameter that has a gradient; parameters without a gradient, or frozen ones
     * ({@code requiresGrad} false, even with a gradient left from before they were frozen), are skipped. One
     * call per parameter: the loops over its elements stay inside {@code update}. A FLOAT32 parameter is first offered
     * to {@link #updateFloat}; if that declines, its values and gradient are widened into per-parameter double arrays,
     * updated there and rounded back, so every rule computes in double and rounds once per step.
     */
    @Override
    public final void step() {
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            Tensor grad = p.grad();
            if (grad == null || !p.requiresGrad()) {
                continue;
            }
            if (p.dtype() == DType.FLOAT64) {
                update(i, p.array(), grad.dtype() == DType.FLOAT64 ? grad.array() : grad.toDoubleArray());
                continue;
            }
            float[] x = p.floatArray();
            float[] g = grad.dtype() == DType.FLOAT32 ? grad.floatArray() : grad.toFloatArray();
            if (!updateFloat(i, x, g)) {
                if (values == null) {
                    values = new double[params.size()][];
                    grads = new double[params.size()][];
                }
                double[] wide = widen(values, i, x);
                update(i, wide, widen(grads, i, g));
                for (int j = 0; j < x.length; j++) {
                    x[j] = (float) wide[j];
                }
            }
        }
    }

    /**
     * Applies the rule to a FLOAT32 parameter directly on its float values, and returns true; or returns false to have
     * {@link #update} run on double copies. Overridden where the float loop is the common, measured case.
     */
    boolean updateFloat(int i, float[] x, float[] grad) {
        return false;
    }

    /** A double copy of float state, for export (exact). */
    static double[] widenCopy(float[] f) {
        double[] out = new double[f.length];
        for (int j = 0; j < f.length; j++) {
            out[j] = f[j];
        }
        return out;
    }

    /** A float copy of exported state, for a FLOAT32 parameter. */
    static float[] narrowCopy(double[] d) {
        float[] out = new float[d.length];
        for (int j = 0; j < d.length; j++) {
            out[j] = (float) d[j];
        }
        return out;
    }

    /** {@code x} widened into slot i of {@code holder}, an array of exactly its length. */
    private static double[] widen(double[][] holder, int i, float[] x) {
        double[] w = holder[i];
        if (w == null || w.length != x.length) {
            w = new double[x.length];
            holder[i] = w;
        }
        for (int j = 0; j < x.length; j++) {
            w[j] = x[j];
        }
        return w;
    }

    /**
     * Applies this optimizer's rule to parameter {@code i}: updates its values {@code x} in place from its raw
     * gradient {@code grad} (weight decay not yet applied) and advances its slot.
     */
    abstract void update(int i, double[] x, double[] grad);

    @Override
    public final void zeroGrad() {
        for (Tensor p : params) {
            p.zeroGrad();
        }
    }

    @Override
    public final List<Tensor> parameters() {
        return params;
    }

    @Override
    public final double learningRate() {
        return lr;
    }

    @Override
    public final void setLearningRate(double lr) {
        this.lr = Check.nonNegative(name, "lr", lr);
    }

    @Override
    public final OptimizerState state() {
        Map<String, Double> hyper = new LinkedHashMap<>();
        hyper.put("lr", lr);
        Map<String, double[]> buffers = new LinkedHashMap<>();
        double[] sizes = new double[params.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = params.get(i).size();
        }
        buffers.put("param_sizes", sizes);
        exportOptions(options, hyper);
        for (int i = 0; i < sizes.length; i++) {
            exportSlot(i, slots.get(i), buffers);
        }
        return new OptimizerState(name, hyper, buffers);
    }

    /**
     * Restores hyper-parameters (the learning rate included, as PyTorch's {@code load_state_dict} restores its param
     * groups) and per-parameter state. Nothing changes if any part of the state is invalid.
     */
    @Override
    public final void loadState(OptimizerState state) {
        StateReader in = new StateReader(name, state, params);
        double loadedLr = Check.nonNegative(name, "lr", in.hyper("lr"));
        O o = readOptions(in);
        List<S> loaded = perParameter(i -> readSlot(in, i, o));
        lr = loadedLr;
        options = o;
        slots = loaded;
    }

    /** Adds the hyper-parameters {@code o} to {@code hyper}, by their {@link OptimizerState} names. */
    abstract void exportOptions(O o, Map<String, Double> hyper);

    /** Adds copies of parameter {@code i}'s buffers in {@code s} to {@code buffers}, named {@code i.name}. */
    abstract void exportSlot(int i, S s, Map<String, double[]> buffers);

    /** Reads and checks the hyper-parameters other than {@code lr} from {@code in}. */
    abstract O readOptions(StateReader in);

    /** Reads and checks parameter {@code i}'s state from {@code in}, for an optimizer with options {@code o}. */
    abstract S readSlot(StateReader in, int i, O o);

    /** One slot per parameter: {@code make.apply(i)} for parameter {@code i}, in order. */
    final List<S> perParameter(IntFunction<S> make) {
        List<S> out = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            out.add(make.apply(i));
        }
        return out;
    }

    /**
     * The gradient with the L2 term, {@code g + l2 * x}, in a work array, or {@code g} itself when {@code l2} is 0
     * (PyTorch adds the term only for a non-zero weight decay). Only the first {@code x.length} values are meaningful.
     */
    final double[] withWeightDecay(double[] g, double[] x, double l2) {
        if (l2 == 0) {
            return g;
        }
        double[] out = scratch(0);
        for (int j = 0; j < x.length; j++) {
            out[j] = g[j] + l2 * x[j];
        }
        return out;
    }

    /**
     * Work array {@code i} (0 or 1), at least as long as every parameter. Array 0 is the one
     * {@link #withWeightDecay} fills. Update loops write to these instead of allocating, and run over
     * {@code x.length}, never over the work array's length.
     */
    final double[] scratch(int i) {
        if (scratch[i] == null) {
            int n = 0;
            for (Tensor p : params) {
                n = Math.max(n, (int) p.size());
            }
            scratch[i] = new double[n];
        }
        return scratch[i];
    }

    /** A boolean as a stored hyper-parameter. */
    static double flag(boolean b) {
        return b ? 1 : 0;
    }

    /**
     * The part every optimizer's builder shares: the parameters and the learning rate. {@code B} is the concrete
     * builder, so that the setters declared here return it and calls chain; {@code build()} stays in the concrete
     * builder, which checks nothing itself (the optimizer's constructor does).
     */
    abstract static class BaseBuilder<B extends BaseBuilder<B>> {
        final List<Tensor> params;
        double lr;

        BaseBuilder(List<Tensor> params, double lr) {
            this.params = params;
            this.lr = lr;
        }

        /** The learning rate, {@code > 0}; the default is PyTorch's, as the optimizer's {@code builder} states. */
        public B lr(double lr) {
            this.lr = lr;
            return self();
        }

        /** This builder as its concrete type: {@code B} is that type, as every subclass declares. */
        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }
    }
}
