package org.autograd4j.examples.cli.run;

import java.util.OptionalDouble;
import org.autograd4j.examples.data.Builtin;
import org.autograd4j.examples.data.Task;
import org.autograd4j.nn.Activation;

/**
 * The settings each built-in problem trains with unless told otherwise, chosen to reach the textbook results quickly
 * on two cores.
 */
public final class Recipes {
    /** The seed of every recipe. */
    public static final long SEED = 42;
    /** MNIST holds out 5000 of its 60000 training images for early stopping (it has its own test set). */
    public static final double MNIST_VALIDATION = 5000.0 / 60000.0;

    private Recipes() {
    }

    /**
     * The default run for a built-in dataset.
     *
     * @param b the dataset
     * @return the run's settings
     */
    public static TrainSpec of(Builtin b) {
        return switch (b) {
            case WDBC -> spec(new int[] {32, 16}, Activation.RELU, LossKind.CROSS_ENTROPY, 1e-3, 32, 200, 15);
            case DIGITS -> spec(new int[] {64}, Activation.RELU, LossKind.CROSS_ENTROPY, 1e-3, 32, 100, 10);
            case IRIS -> spec(new int[] {16}, Activation.RELU, LossKind.CROSS_ENTROPY, 1e-2, 16, 200, 20);
            case WINE -> spec(new int[] {16}, Activation.RELU, LossKind.CROSS_ENTROPY, 1e-2, 16, 100, 15);
            case DIABETES -> spec(new int[] {32, 16}, Activation.RELU, LossKind.MSE, 1e-3, 32, 300, 20);
            case XOR -> spec(new int[] {8}, Activation.SIGMOID, LossKind.CROSS_ENTROPY, 5e-2, 16, 200, 20);
            case CIRCLES -> spec(new int[] {20}, Activation.RELU, LossKind.BCE, 1e-2, 16, 300, 30);
            case TABULAR -> spec(new int[] {32}, Activation.RELU, LossKind.CROSS_ENTROPY, 1e-2, 64, 100, 15);
            case MNIST -> new TrainSpec(new int[] {256, 128}, Activation.RELU, LossKind.CROSS_ENTROPY,
                    OptimizerKind.ADAM, OptionalDouble.of(1e-3), 64, 10, 3, SEED, MNIST_VALIDATION, 0.2);
        };
    }

    /**
     * The default run for a CSV file: a small ReLU network with Adam.
     *
     * @param task classification or regression
     * @return the run's settings
     */
    public static TrainSpec forCsv(Task task) {
        return spec(new int[] {16, 8}, Activation.RELU, task == Task.REGRESSION ? LossKind.MSE
                : LossKind.CROSS_ENTROPY, 1e-3, 32, 100, 10);
    }

    private static TrainSpec spec(int[] hidden, Activation activation, LossKind loss, double lr, int batch,
            int epochs, int patience) {
        return new TrainSpec(hidden, activation, loss, OptimizerKind.ADAM, OptionalDouble.of(lr), batch, epochs,
                patience, SEED, 0.2, 0);
    }
}
