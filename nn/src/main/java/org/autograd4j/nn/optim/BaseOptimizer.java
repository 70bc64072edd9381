package org.autograd4j.nn.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;

/**
 * What every optimizer shares: the checked parameter list, the learning rate, its other hyper-parameters ({@code O})
 * and per-parameter slots ({@code S}) as typed fields, {@link #zeroGrad()}, the frame of {@link #step()} (which
 * parameters to update) and of {@link #state()} / {@link #loadState} (type, {@code lr}, {@code param_sizes}, then the
 * options and each slot in parameter order), and the builders' common part ({@link BaseBuilder}). Subclasses add their
 * update rule and how their options and slots are named in an {@link OptimizerState}. The groups, their learning rates
 * and options are a {@link GroupTable}.
 *
 * @param <O> the hyper-parameters other than the learning rate, checked when created
 * @param <S> the state of one parameter
 */
abstract class BaseOptimizer<O, S> implements Optimizer {
    /** The optimizer's name in messages and in {@link OptimizerState#type()}. */
    final String name;
    /** Every group's parameters, group after group ({@link GroupTable#params}). */
    final List<Tensor> params;
    /** The groups: which parameters each holds, its learning rate and its other hyper-parameters. */
    private final GroupTable<O> groups;
    /**
     * Parameter {@code i}'s state is {@code slots.get(i)}: made in the constructor by the subclass's
     * {@link SlotFactory}, replaced element by element by {@link #loadState}.
     */
    final List<S> slots;
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

    /**
     * The groups {@code b} describes, checked as {@link GroupTable} says; then each parameter's state, made by
     * {@code slot} from the parameter and its group's options, so that every field is set once, here.
     *
     * @param known the hyper-parameters other than {@code lr} that a group may set
     * @param options a group's hyper-parameters other than {@code lr}, checked (unset values are the builder's)
     * @param slot makes the fresh state of one parameter
     */
    BaseOptimizer(String name, BaseBuilder<?> b, Set<Hyper> known, Function<ParamGroup, O> options,
            SlotFactory<O, S> slot) {
        this.name = name;
        this.groups = new GroupTable<>(name, b, known, options);
        this.params = groups.params;
        this.slots = perParameter(i -> slot.make(params.get(i), optionsOf(i)));
    }

    /**
     * Makes the fresh state of one parameter (zeroed buffers, or buffers made on the first step).
     *
     * @param <O> the hyper-parameters of a group
     * @param <S> the state of one parameter
     */
    @FunctionalInterface
    interface SlotFactory<O, S> {
        /** The state of {@code param}, which belongs to a group with hyper-parameters {@code options}. */
        S make(Tensor param, O options);
    }

    /** The hyper-parameters of the group parameter {@code i} belongs to. */
    final O optionsOf(int i) {
        return groups.options.get(groups.of(i));
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
            double lr = groups.lrs[groups.of(i)];
            O o = optionsOf(i);
            if (p.dtype() == DType.FLOAT64) {
                update(i, lr, o, p.array(), grad.dtype() == DType.FLOAT64 ? grad.array() : grad.toDoubleArray());
                continue;
            }
            float[] x = p.floatArray();
            float[] g = grad.dtype() == DType.FLOAT32 ? grad.floatArray() : grad.toFloatArray();
            if (!updateFloat(i, lr, o, x, g)) {
                if (values == null) {
                    values = new double[params.size()][];
                    grads = new double[params.size()][];
                }
                double[] wide = widen(values, i, x);
                update(i, lr, o, wide, widen(grads, i, g));
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
    boolean updateFloat(int i, double lr, O o, float[] x, float[] grad) {
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
     * Applies this optimizer's rule to parameter {@code i}, with its group's learning rate {@code lr} and
     * hyper-parameters {@code o}: updates its values {@code x} in place from its raw gradient {@code grad} (weight
     * decay not yet applied) and advances its slot.
     */
    abstract void update(int i, double lr, O o, double[] x, double[] grad);

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

    /** Group 0's learning rate (the only group's, unless the optimizer was built from groups). */
    @Override
    public final double learningRate() {
        return groups.lrs[0];
    }

    /** Sets every group's learning rate to {@code lr}. */
    @Override
    public final void setLearningRate(double lr) {
        Check.nonNegative(name, "lr", lr);
        java.util.Arrays.fill(groups.lrs, lr);
    }

    @Override
    public final int groupCount() {
        return groups.count();
    }

    @Override
    public final double learningRate(int group) {
        return groups.lrs[groups.check(group)];
    }

    @Override
    public final void setLearningRate(int group, double lr) {
        groups.lrs[groups.check(group)] = Check.nonNegative(name, "lr", lr);
    }

    @Override
    public final List<Tensor> parameters(int group) {
        return groups.params(group);
    }

    @Override
    public final OptionalDouble momentum(int group) {
        return momentumOf(groups.options.get(groups.check(group)));
    }

    @Override
    public final void setMomentum(int group, double momentum) {
        O o = groups.options.get(groups.check(group));
        if (momentumOf(o).isEmpty()) {
            throw new UnsupportedOperationException(name + ": has no momentum to set");
        }
        groups.options.set(group, withMomentum(o, momentum));
    }

    /** The momentum (or beta1) in {@code o}; empty for a rule without one (the default). */
    OptionalDouble momentumOf(O o) {
        return OptionalDouble.empty();
    }

    /** {@code o} with its momentum (or beta1) replaced, checked; only called where {@link #momentumOf} has one. */
    O withMomentum(O o, double momentum) {
        throw new UnsupportedOperationException(name + ": has no momentum");
    }

    /**
     * The state: for one group, {@code lr}, the options and the buffers as always; for several, also
     * {@code group_sizes} (parameters per group) and group {@code g}'s hyper-parameters as {@code group<g>.lr}, ...
     * for {@code g >= 1} (group 0's keep their plain names).
     */
    @Override
    public final OptimizerState state() {
        Map<String, Double> hyper = new LinkedHashMap<>();
        Map<String, double[]> buffers = new LinkedHashMap<>();
        groups.export(this::exportOptions, hyper, buffers);
        for (int i = 0; i < params.size(); i++) {
            exportSlot(i, slots.get(i), buffers);
        }
        return new OptimizerState(name, hyper, buffers);
    }

    /**
     * Restores hyper-parameters (the learning rates included, as PyTorch's {@code load_state_dict} restores its param
     * groups) and per-parameter state. The state must have this optimizer's groups (as many, of the same sizes).
     * Nothing changes if any part of the state is invalid.
     */
    @Override
    public final void loadState(OptimizerState state) {
        StateReader in = new StateReader(name, state, params, groups.sizes);
        double[] loadedLrs = new double[groups.count()];
        List<O> loadedOptions = new ArrayList<>();
        for (int g = 0; g < loadedLrs.length; g++) {
            StateReader group = in.group(g);
            loadedLrs[g] = Check.nonNegative(name, "lr", group.hyper("lr"));
            loadedOptions.add(readOptions(group));
        }
        List<S> loaded = perParameter(i -> readSlot(in, i, loadedOptions.get(groups.of(i))));
        System.arraycopy(loadedLrs, 0, groups.lrs, 0, loadedLrs.length);
        for (int g = 0; g < loadedLrs.length; g++) {
            groups.options.set(g, loadedOptions.get(g));
        }
        for (int i = 0; i < params.size(); i++) {
            slots.set(i, loaded.get(i));
        }
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
}
