package org.autograd4j.examples.cli.run;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Locale;
import java.util.stream.Collectors;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.optim.Adagrad;
import org.autograd4j.nn.optim.Adam;
import org.autograd4j.nn.optim.AdamW;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.RmsProp;
import org.autograd4j.nn.optim.Sgd;

/** The optimizers the tool trains with, each with a default learning rate that suits small MLPs. */
public enum OptimizerKind {
    /** Plain stochastic gradient descent. */
    SGD("sgd", 0.1),
    /** SGD with momentum 0.9. */
    MOMENTUM("momentum", 0.01),
    /** SGD with Nesterov momentum 0.9. */
    NESTEROV("nesterov", 0.01),
    /** RMSprop (alpha 0.99). */
    RMSPROP("rmsprop", 0.001),
    /** Adagrad. */
    ADAGRAD("adagrad", 0.05),
    /** Adam (betas 0.9, 0.999). */
    ADAM("adam", 0.001),
    /** AdamW with weight decay 0.01. */
    ADAMW("adamw", 0.001);

    private final String id;
    private final double defaultLr;

    OptimizerKind(String id, double defaultLr) {
        this.id = id;
        this.defaultLr = defaultLr;
    }

    /**
     * The optimizer called {@code name} on the command line.
     *
     * @param name the command-line name, case-insensitive
     * @return the optimizer kind
     * @throws IllegalArgumentException listing the choices if there is none
     */
    public static OptimizerKind parse(String name) {
        for (OptimizerKind k : values()) {
            if (k.id.equals(name.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + Report.cut(name) + "'; choose one of " + choices());
    }

    /**
     * The names accepted by {@link #parse}, comma-separated.
     *
     * @return the names, comma-separated
     */
    public static String choices() {
        return Arrays.stream(values()).map(OptimizerKind::id).collect(Collectors.joining(", "));
    }

    /**
     * The command-line name, e.g. {@code adam}.
     *
     * @return the command-line name
     */
    public String id() {
        return id;
    }

    /**
     * The learning rate used when none is given.
     *
     * @return the learning rate, greater than 0
     */
    public double defaultLr() {
        return defaultLr;
    }

    /**
     * An optimizer over {@code params}.
     *
     * @param params the parameters to update
     * @param lr the learning rate; empty for {@link #defaultLr()}
     * @return a new optimizer
     * @throws IllegalArgumentException if {@code lr} is not positive and finite (the optimizer's own message)
     */
    public Optimizer build(List<Tensor> params, OptionalDouble lr) {
        double rate = lr.orElse(defaultLr);
        return switch (this) {
            case SGD -> Sgd.builder(params).lr(rate).build();
            case MOMENTUM -> Sgd.builder(params).lr(rate).momentum(0.9).build();
            case NESTEROV -> Sgd.builder(params).lr(rate).momentum(0.9).nesterov(true).build();
            case RMSPROP -> RmsProp.builder(params).lr(rate).build();
            case ADAGRAD -> Adagrad.builder(params).lr(rate).build();
            case ADAM -> Adam.builder(params).lr(rate).build();
            case ADAMW -> AdamW.builder(params).lr(rate).weightDecay(0.01).build();
        };
    }
}
