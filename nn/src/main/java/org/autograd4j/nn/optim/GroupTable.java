package org.autograd4j.nn.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.autograd4j.core.Tensor;

/**
 * An optimizer's parameter groups, checked once when it is built: every group's parameters in one list, the group of
 * each parameter, and each group's learning rate and other hyper-parameters ({@code O}). The rates and options change
 * (schedulers, {@link Optimizer#setMomentum}, {@link Optimizer#loadState}); which parameters a group holds never does.
 *
 * @param <O> the hyper-parameters other than the learning rate, checked when created
 */
final class GroupTable<O> {
    private final String name;
    /** Every group's parameters, group after group. */
    final List<Tensor> params;
    /** Parameter {@code i} belongs to group {@code groupOf[i]}. */
    private final int[] groupOf;
    /** The number of parameters in each group. */
    final int[] sizes;
    /** Each group's learning rate. */
    final double[] lrs;
    /** Each group's hyper-parameters other than the learning rate. */
    final List<O> options;

    /**
     * The groups {@code b} describes (one group of {@code b}'s parameters when it was given a plain list), checked:
     * the parameters of all groups together as {@link Check#parameters}, then each group's learning rate and its
     * other hyper-parameters, {@code options} applied to the group (whose unset values are the builder's).
     *
     * @param name the optimizer's name, for messages
     * @param known the hyper-parameters other than {@code lr} that a group may set
     */
    GroupTable(String name, BaseBuilder<?> b, Set<Hyper> known, Function<ParamGroup, O> options) {
        this.name = name;
        if (b.groups == null && b.params == null) {
            throw new IllegalArgumentException(name + ": parameter list is null");
        }
        List<ParamGroup> groups = b.groups != null ? b.groups : List.of(ParamGroup.of(b.params));
        List<Tensor> all = new ArrayList<>();
        sizes = new int[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            ParamGroup group = Check.notNull(name, "group " + g, groups.get(g));
            group.checkKnown(name, g, known);
            all.addAll(group.params());
            sizes[g] = group.params().size();
        }
        this.params = Check.parameters(name, all);
        this.groupOf = new int[params.size()];
        for (int g = 0, i = 0; g < sizes.length; g++) {
            for (int k = 0; k < sizes[g]; k++) {
                groupOf[i++] = g;
            }
        }
        this.lrs = new double[groups.size()];
        this.options = new ArrayList<>(groups.size());
        for (int g = 0; g < groups.size(); g++) {
            ParamGroup group = groups.get(g);
            String where = b.groups == null ? "" : "group " + g + ": ";
            try {
                lrs[g] = Check.positive(name, "lr", group.get(Hyper.LR, b.lr));
                this.options.add(options.apply(group));
            } catch (IllegalArgumentException e) {
                throw where.isEmpty() ? e : new IllegalArgumentException(name + ": " + where
                        + e.getMessage().substring(e.getMessage().startsWith(name + ": ") ? name.length() + 2 : 0), e);
            }
        }
    }

    /** The number of groups. */
    int count() {
        return lrs.length;
    }

    /** The group parameter {@code i} belongs to. */
    int of(int i) {
        return groupOf[i];
    }

    /** {@code group}, checked to exist. */
    int check(int group) {
        if (group < 0 || group >= lrs.length) {
            throw new IllegalArgumentException(name + ": group " + group + " does not exist; this optimizer has "
                    + lrs.length + (lrs.length == 1 ? " group" : " groups"));
        }
        return group;
    }

    /** The parameters of {@code group}, a view of {@link #params}. */
    List<Tensor> params(int group) {
        int from = 0;
        for (int g = 0; g < check(group); g++) {
            from += sizes[g];
        }
        return params.subList(from, from + sizes[group]);
    }

    /**
     * Adds the groups to a state being exported: {@code param_sizes}, and for several groups {@code group_sizes}, to
     * {@code buffers}; each group's {@code lr} and options (written by {@code exportOptions}) to {@code hyper}, under
     * the group's prefix ({@link StateReader#groupPrefix}).
     */
    void export(BiConsumer<O, Map<String, Double>> exportOptions, Map<String, Double> hyper,
            Map<String, double[]> buffers) {
        double[] paramSizes = new double[params.size()];
        for (int i = 0; i < paramSizes.length; i++) {
            paramSizes[i] = params.get(i).size();
        }
        buffers.put("param_sizes", paramSizes);
        if (lrs.length > 1) {
            buffers.put("group_sizes", java.util.Arrays.stream(sizes).asDoubleStream().toArray());
        }
        for (int g = 0; g < lrs.length; g++) {
            Map<String, Double> one = new java.util.LinkedHashMap<>();
            one.put("lr", lrs[g]);
            exportOptions.accept(options.get(g), one);
            String prefix = StateReader.groupPrefix(g);
            one.forEach((k, v) -> hyper.put(prefix + k, v));
        }
    }
}
