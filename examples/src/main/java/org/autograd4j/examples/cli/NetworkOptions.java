package org.autograd4j.examples.cli;

import java.util.Arrays;
import org.autograd4j.examples.cli.run.Activations;
import org.autograd4j.examples.cli.run.LossKind;
import org.autograd4j.examples.cli.run.Report;
import org.autograd4j.examples.cli.run.TrainSpec;
import org.autograd4j.nn.Activation;
import picocli.CommandLine.Option;

/** {@code --hidden}, {@code --activation} and {@code --loss}: the network of {@code train} and {@code gradcheck}. */
public final class NetworkOptions {
    @Option(names = "--hidden", paramLabel = "SIZES", description = "Hidden layer sizes, e.g. 64,32 (none: no hidden"
            + " layer).")
    private String hidden;

    @Option(names = "--activation", paramLabel = "NAME",
            description = "Hidden activation: relu, leaky-relu, prelu, elu, gelu, tanh, sigmoid.")
    private String activation;

    @Option(names = "--loss", paramLabel = "NAME", description = "cross-entropy, bce (two classes, sigmoid output),"
            + " mse, l1 or huber; mse, l1 and huber make it a regression.")
    private String loss;

    /**
     * Whether any of the three options was given.
     *
     * @return true if {@code --hidden}, {@code --activation} or {@code --loss} was
     */
    public boolean any() {
        return hidden != null || activation != null || loss != null;
    }

    /**
     * The loss given, if any.
     *
     * @return the parsed {@code --loss}, or null when it was left out
     * @throws IllegalArgumentException for an unknown name
     */
    public LossKind lossOrNull() {
        return loss != null ? LossKind.parse(loss) : null;
    }

    /**
     * The hidden sizes given, or the recipe's.
     *
     * @param recipe the run whose values stand in for options left out
     * @return the sizes
     * @throws IllegalArgumentException for text that is not comma-separated sizes
     */
    public int[] hidden(TrainSpec recipe) {
        return hidden != null ? parseSizes(hidden) : recipe.hidden();
    }

    /**
     * The activation given, or the recipe's.
     *
     * @param recipe the run whose values stand in for options left out
     * @return the activation
     * @throws IllegalArgumentException for an unknown name
     */
    public Activation activation(TrainSpec recipe) {
        return activation != null ? Activations.parse(activation) : recipe.activation();
    }

    /**
     * The loss given, or the recipe's.
     *
     * @param recipe the run whose values stand in for options left out
     * @return the loss
     * @throws IllegalArgumentException for an unknown name
     */
    public LossKind loss(TrainSpec recipe) {
        return loss != null ? LossKind.parse(loss) : recipe.loss();
    }

    /** Parses {@code --hidden}: comma-separated sizes, or {@code none} for no hidden layer. */
    static int[] parseSizes(String text) {
        if (text.isBlank() || text.strip().equals("none")) {
            return new int[0];
        }
        try {
            return Arrays.stream(text.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--hidden must be comma-separated sizes such as 64,32, got '"
                    + Report.cut(text) + "'");
        }
    }
}
