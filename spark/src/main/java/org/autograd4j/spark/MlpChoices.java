package org.autograd4j.spark;

import java.util.Arrays;
import java.util.Locale;
import org.autograd4j.nn.Activation;
import org.autograd4j.nn.optim.Adam;
import org.autograd4j.nn.optim.AdamW;
import org.autograd4j.nn.optim.RmsProp;
import org.autograd4j.nn.optim.Sgd;

/** The estimators' named choices (activation, optimizer) turned into the library's objects. */
final class MlpChoices {
    private MlpChoices() {
    }

    /**
     * The activation called {@code name} ({@code relu}, {@code leaky_relu} or {@code leaky-relu}, ...).
     *
     * @throws IllegalArgumentException listing the choices if there is none
     */
    static Activation activation(String name) {
        try {
            return Activation.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MlpEstimator: unknown activation '" + name + "'; choose one of "
                    + Arrays.toString(Activation.values()).toLowerCase(Locale.ROOT), e);
        }
    }

    /** The optimizer called {@code name}; the factory captures only primitives, as it travels to executors. */
    static OptimizerFactory optimizer(String name, double lr, double wd) {
        return switch (name) {
            case "adamw" -> p -> AdamW.builder(p).lr(lr).weightDecay(wd).build();
            case "sgd" -> p -> Sgd.builder(p).lr(lr).weightDecay(wd).build();
            case "momentum" -> p -> Sgd.builder(p).lr(lr).momentum(0.9).weightDecay(wd).build();
            case "rmsprop" -> p -> RmsProp.builder(p).lr(lr).weightDecay(wd).build();
            default -> p -> Adam.builder(p).lr(lr).weightDecay(wd).build();
        };
    }
}
