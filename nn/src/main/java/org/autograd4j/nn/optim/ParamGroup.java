package org.autograd4j.nn.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autograd4j.core.Tensor;

/**
 * A group of parameters with its own hyper-parameters, as a PyTorch parameter group ({@code {'params': ...,
 * 'weight_decay': 0}}): a value set here overrides, for these parameters only, what the optimizer's builder sets for
 * all; a value not set here is the builder's. Every optimizer takes groups through its {@code builder(ParamGroup...)}:
 *
 * <pre>{@code
 * Optimizer opt = AdamW.builder(
 *         ParamGroup.of(weights),                      // weight decay 0.01, the builder's
 *         ParamGroup.of(biases).weightDecay(0))        // no decay on biases
 *     .lr(1e-3).weightDecay(0.01).build();
 * opt.learningRate(1);                                 // group 1's learning rate
 * }</pre>
 *
 * <p>A group is immutable: each setter returns a new group. Setting a hyper-parameter the optimizer does not have
 * (betas for {@link Sgd}) is an error when the optimizer is built. Values are checked there too, with the group's
 * index in the message. Learning-rate schedulers set every group's rate, each from its own base rate.
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final Map<Hyper, Double> values;

    private ParamGroup(List<Tensor> params, Map<Hyper, Double> values) {
        this.params = params;
        this.values = values;
    }

    /**
     * A group of {@code params} (copied) that takes every hyper-parameter from the optimizer's builder. The group may
     * be empty (a model without biases gives an empty bias group), but an optimizer needs one parameter at least.
     *
     * @param params leaves, each in one group only; the optimizer checks them
     * @return the group
     * @throws IllegalArgumentException if {@code params} is null
     */
    public static ParamGroup of(List<Tensor> params) {
        if (params == null) {
            throw new IllegalArgumentException("ParamGroup: parameter list is null");
        }
        return new ParamGroup(Collections.unmodifiableList(new ArrayList<>(params)), new EnumMap<>(Hyper.class));
    }

    /**
     * The parameters of this group, in order.
     *
     * @return an unmodifiable list
     */
    public List<Tensor> params() {
        return params;
    }

    /**
     * This group's learning rate.
     *
     * @param lr {@code > 0}
     * @return a new group
     */
    public ParamGroup lr(double lr) {
        return with(Hyper.LR, lr);
    }

    /**
     * This group's weight decay (L2 or, for AdamW, decoupled).
     *
     * @param weightDecay {@code >= 0}
     * @return a new group
     */
    public ParamGroup weightDecay(double weightDecay) {
        return with(Hyper.WEIGHT_DECAY, weightDecay);
    }

    /**
     * This group's momentum factor (Sgd, RmsProp).
     *
     * @param momentum {@code >= 0}
     * @return a new group
     */
    public ParamGroup momentum(double momentum) {
        return with(Hyper.MOMENTUM, momentum);
    }

    /**
     * This group's dampening (Sgd).
     *
     * @param dampening in [0, 1]
     * @return a new group
     */
    public ParamGroup dampening(double dampening) {
        return with(Hyper.DAMPENING, dampening);
    }

    /**
     * Nesterov momentum for this group (Sgd).
     *
     * @param nesterov whether to use it
     * @return a new group
     */
    public ParamGroup nesterov(boolean nesterov) {
        return with(Hyper.NESTEROV, nesterov ? 1 : 0);
    }

    /**
     * This group's moment decay rates (Adam, AdamW).
     *
     * @param beta1 in [0, 1)
     * @param beta2 in [0, 1)
     * @return a new group
     */
    public ParamGroup betas(double beta1, double beta2) {
        return with(Hyper.BETA1, beta1).with(Hyper.BETA2, beta2);
    }

    /**
     * This group's denominator term (RmsProp, Adagrad, Adam, AdamW).
     *
     * @param eps {@code >= 0}
     * @return a new group
     */
    public ParamGroup eps(double eps) {
        return with(Hyper.EPS, eps);
    }

    /**
     * The AMSGrad variant for this group (Adam, AdamW).
     *
     * @param amsgrad whether to use it
     * @return a new group
     */
    public ParamGroup amsgrad(boolean amsgrad) {
        return with(Hyper.AMSGRAD, amsgrad ? 1 : 0);
    }

    /**
     * This group's smoothing constant (RmsProp).
     *
     * @param alpha in [0, 1]
     * @return a new group
     */
    public ParamGroup alpha(double alpha) {
        return with(Hyper.ALPHA, alpha);
    }

    /**
     * Centered RMSprop for this group.
     *
     * @param centered whether to use it
     * @return a new group
     */
    public ParamGroup centered(boolean centered) {
        return with(Hyper.CENTERED, centered ? 1 : 0);
    }

    /**
     * This group's learning-rate decay (Adagrad).
     *
     * @param lrDecay {@code >= 0}
     * @return a new group
     */
    public ParamGroup lrDecay(double lrDecay) {
        return with(Hyper.LR_DECAY, lrDecay);
    }

    /**
     * This group's starting sum (Adagrad).
     *
     * @param value {@code >= 0}
     * @return a new group
     */
    public ParamGroup initialAccumulatorValue(double value) {
        return with(Hyper.INITIAL_ACCUMULATOR_VALUE, value);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ParamGroup[").append(params.size()).append(" parameters");
        values.forEach((h, v) -> sb.append(", ").append(h.key).append('=').append(v));
        return sb.append(']').toString();
    }

    private ParamGroup with(Hyper h, double v) {
        Map<Hyper, Double> copy = new EnumMap<>(Hyper.class);
        copy.putAll(values);
        copy.put(h, v);
        return new ParamGroup(params, copy);
    }

    /** The value this group sets for {@code h}, or {@code fallback} (the builder's). */
    double get(Hyper h, double fallback) {
        return values.getOrDefault(h, fallback);
    }

    /** A boolean this group sets for {@code h}, or {@code fallback}. */
    boolean get(Hyper h, boolean fallback) {
        Double v = values.get(h);
        return v == null ? fallback : v == 1;
    }

    /** Throws if this group, group {@code index} of optimizer {@code op}, sets a value that {@code op} lacks. */
    void checkKnown(String op, int index, Set<Hyper> known) {
        for (Hyper h : values.keySet()) {
            if (h != Hyper.LR && !known.contains(h)) {
                throw new IllegalArgumentException(op + ": group " + index + " sets " + h.key + ", which " + op
                        + " does not have");
            }
        }
    }
}
