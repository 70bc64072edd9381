package org.autograd4j.examples.cli.run;

import java.util.List;
import java.util.Locale;
import org.autograd4j.nn.Activation;

/** The hidden-layer activations the tool accepts, by their command-line names ({@code relu}, {@code leaky-relu}...). */
public final class Activations {
    private static final List<Activation> HIDDEN = List.of(Activation.RELU, Activation.LEAKY_RELU, Activation.PRELU,
            Activation.ELU, Activation.GELU, Activation.TANH, Activation.SIGMOID);

    private Activations() {
    }

    /**
     * The activation called {@code name}.
     *
     * @param name the command-line name, case-insensitive
     * @return the activation
     * @throws IllegalArgumentException listing the choices if there is none
     */
    public static Activation parse(String name) {
        for (Activation a : HIDDEN) {
            if (id(a).equals(name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + Report.cut(name) + "'; choose one of " + choices());
    }

    /**
     * The command-line name of an activation, e.g. {@code leaky-relu}.
     *
     * @param a the activation
     * @return the command-line name
     */
    public static String id(Activation a) {
        return a.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The names accepted by {@link #parse}, comma-separated.
     *
     * @return the names, comma-separated
     */
    public static String choices() {
        return String.join(", ", HIDDEN.stream().map(Activations::id).toList());
    }
}
