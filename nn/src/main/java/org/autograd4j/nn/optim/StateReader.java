package org.autograd4j.nn.optim;

import java.util.List;
import java.util.Map;
import org.autograd4j.core.Tensor;

/**
 * Reads an {@link OptimizerState} back for {@link Optimizer#loadState}, checking the type, the parameter count and
 * sizes, and each value it is asked for. Everything is read and checked before the optimizer changes, so a bad state
 * leaves it untouched. Buffers come back as copies.
 */
final class StateReader {
    private final String op;
    private final Map<String, Double> hyperparameters;
    private final Map<String, double[]> buffers;
    private final List<Tensor> params;
    /** Prepended to hyper-parameter names: empty for group 0, {@code group<g>.} for group g. */
    private final String prefix;

    private StateReader(StateReader of, String prefix) {
        this.op = of.op;
        this.hyperparameters = of.hyperparameters;
        this.buffers = of.buffers;
        this.params = of.params;
        this.prefix = prefix;
    }

    /**
     * A reader of {@code state} for an optimizer of {@code type} over {@code params}, in groups of
     * {@code groupSizes} parameters; checks the type, the parameters' sizes and the groups.
     */
    StateReader(String type, OptimizerState state, List<Tensor> params, int[] groupSizes) {
        this.prefix = "";
        this.op = type + ".loadState";
        if (state == null) {
            throw new IllegalArgumentException(op + ": state is null");
        }
        if (!type.equals(state.type())) {
            throw new IllegalArgumentException(op + ": the state is from " + state.type() + ", not " + type);
        }
        this.hyperparameters = state.hyperparameters();
        this.buffers = state.buffers();
        this.params = params;
        double[] sizes = buffers.get("param_sizes");
        if (sizes == null) {
            throw new IllegalArgumentException(op + ": buffer \"param_sizes\" is missing");
        }
        if (sizes.length != params.size()) {
            throw new IllegalArgumentException(op + ": the state is for " + sizes.length
                    + " parameters, this optimizer has " + params.size());
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] != params.get(i).size()) {
                throw new IllegalArgumentException(op + ": parameter " + i + " has " + params.get(i).size()
                        + " elements, the state's has " + (long) sizes[i]);
            }
        }
        double[] groups = buffers.get("group_sizes");
        double[] mine = java.util.Arrays.stream(groupSizes).asDoubleStream().toArray();
        if (groups == null ? groupSizes.length != 1 : !java.util.Arrays.equals(groups, mine)) {
            throw new IllegalArgumentException(op + ": the state's parameter groups have "
                    + (groups == null ? "[" + params.size() + "]" : java.util.Arrays.toString(counts(groups)))
                    + " parameters, this optimizer's have " + java.util.Arrays.toString(groupSizes));
        }
    }

    private static long[] counts(double[] d) {
        return java.util.Arrays.stream(d).mapToLong(v -> (long) v).toArray();
    }

    /** The name prefix of group {@code g}'s hyper-parameters in a state. */
    static String groupPrefix(int g) {
        return g == 0 ? "" : "group" + g + ".";
    }

    /** This reader, reading group {@code g}'s hyper-parameters. */
    StateReader group(int g) {
        return new StateReader(this, groupPrefix(g));
    }

    /** The hyper-parameter {@code name}; the caller checks its range. */
    double hyper(String name) {
        Double v = hyperparameters.get(prefix + name);
        if (v == null) {
            throw new IllegalArgumentException(op + ": hyper-parameter \"" + prefix + name + "\" is missing");
        }
        return v;
    }

    /** A boolean hyper-parameter, stored as 0 or 1. */
    boolean flag(String name) {
        double v = hyper(name);
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException(op + ": hyper-parameter \"" + prefix + name + "\" must be 0 or 1, got "
                    + v);
        }
        return v == 1;
    }

    /** A copy of parameter {@code i}'s buffer {@code name}, which must exist and match the parameter's size. */
    double[] buffer(int i, String name) {
        double[] b = optionalBuffer(i, name);
        if (b == null) {
            throw new IllegalArgumentException(op + ": buffer \"" + i + "." + name + "\" is missing");
        }
        return b;
    }

    /** Like {@link #buffer} but null when absent (e.g. a momentum buffer not yet created). */
    double[] optionalBuffer(int i, String name) {
        String key = i + "." + name;
        double[] b = buffers.get(key);
        if (b == null) {
            return null;
        }
        if (b.length != params.get(i).size()) {
            throw new IllegalArgumentException(op + ": buffer \"" + key + "\" has " + b.length
                    + " values, parameter " + i + " has " + params.get(i).size());
        }
        return b.clone();
    }

    /** Parameter {@code i}'s step count, stored as one non-negative whole number under {@code i.step}. */
    long step(int i) {
        String key = i + ".step";
        double[] b = buffers.get(key);
        if (b == null) {
            throw new IllegalArgumentException(op + ": buffer \"" + key + "\" is missing");
        }
        if (b.length != 1 || !(b[0] >= 0) || b[0] != Math.rint(b[0]) || b[0] > 1L << 53) {
            throw new IllegalArgumentException(op + ": buffer \"" + key
                    + "\" must hold one non-negative whole number, got " + java.util.Arrays.toString(b));
        }
        return (long) b[0];
    }
}
