package org.autograd4j.nn.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.core.Tensor;

/**
 * What every optimizer shares: the checked parameter list, the learning rate, {@link #zeroGrad()}, and the frame of
 * {@link #state()} / {@link #loadState} (type, {@code lr}, {@code param_sizes}); subclasses add their hyper-parameters
 * and typed per-parameter slots.
 */
abstract class BaseOptimizer implements Optimizer {
    /** The optimizer's name in messages and in {@link OptimizerState#type()}. */
    final String name;
    final List<Tensor> params;
    double lr;
    /** Work arrays as long as the largest parameter, for the update loops; see {@link #scratch(int)}. */
    private final double[][] scratch = new double[2][];

    BaseOptimizer(String name, List<Tensor> params, double lr) {
        this.name = name;
        this.params = Check.parameters(name, params);
        this.lr = Check.positive(name, "lr", lr);
    }

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
        exportState(hyper, buffers);
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
        Runnable commit = importState(in);
        lr = loadedLr;
        commit.run();
    }

    /** Adds this optimizer's hyper-parameters and copies of its buffers, named as {@link OptimizerState} lists. */
    abstract void exportState(Map<String, Double> hyper, Map<String, double[]> buffers);

    /** Reads and checks everything from {@code in} without changing this optimizer; returns the change to apply. */
    abstract Runnable importState(StateReader in);

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
                n = Math.max(n, p.array().length);
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
