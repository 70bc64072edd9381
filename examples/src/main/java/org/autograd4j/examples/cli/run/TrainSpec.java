package org.autograd4j.examples.cli.run;

import java.util.OptionalDouble;
import org.autograd4j.nn.Activation;

/**
 * The choices of one training run.
 *
 * @param hidden         hidden layer sizes, e.g. {@code {16, 8}} (may be empty: a linear model)
 * @param activation     the activation after each hidden layer
 * @param loss           the loss (it fixes the output layer; see {@link LossKind})
 * @param optimizer      the optimizer
 * @param lr             the learning rate; empty for the optimizer's default
 * @param batchSize      rows per mini-batch, {@code >= 1}
 * @param epochs         the most epochs to run, {@code >= 1}
 * @param patience       epochs without a better validation loss before stopping (restoring the best weights);
 *                       0 turns early stopping off
 * @param seed           the seed of the split, the weights and the shuffling
 * @param validation     the share of rows held out for validation, in (0, 1)
 * @param dropout        the dropout probability after each hidden activation, in [0, 1)
 */
public record TrainSpec(int[] hidden, Activation activation, LossKind loss, OptimizerKind optimizer, OptionalDouble lr,
        int batchSize, int epochs, int patience, long seed, double validation, double dropout) {
    /**
     * Checks every value, naming the option in the message.
     *
     * @param hidden hidden layer sizes, e.g. {@code {16, 8}} (may be empty: a linear model)
     * @param activation the activation after each hidden layer
     * @param loss the loss (it fixes the output layer; see {@link LossKind})
     * @param optimizer the optimizer
     * @param lr the learning rate; empty for the optimizer's default
     * @param batchSize rows per mini-batch, {@code >= 1}
     * @param epochs the most epochs to run, {@code >= 1}
     * @param patience epochs without a better validation loss before stopping (restoring the best weights); 0 turns
     *                early stopping off
     * @param seed the seed of the split, the weights and the shuffling
     * @param validation the share of rows held out for validation, in (0, 1)
     * @param dropout the dropout probability after each hidden activation, in [0, 1)
     */
    public TrainSpec {
        hidden = hidden.clone();
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("--hidden sizes must be >= 1, got " + h);
            }
        }
        if (lr.isPresent() && !(lr.getAsDouble() > 0 && Double.isFinite(lr.getAsDouble()))) {
            throw new IllegalArgumentException("--lr must be a positive number, got " + lr.getAsDouble());
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("--patience must be >= 0, got " + patience);
        }
        if (!(validation > 0 && validation < 1)) {
            throw new IllegalArgumentException("--validation must be in (0, 1), got " + validation);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("--dropout must be in [0, 1), got " + dropout);
        }
    }

    /**
     * The same run with another optimizer (and its default learning rate).
     *
     * @param other the optimizer
     * @return a new spec
     */
    public TrainSpec withOptimizer(OptimizerKind other) {
        return new TrainSpec(hidden, activation, loss, other, OptionalDouble.empty(), batchSize, epochs, patience, seed,
                validation, dropout);
    }

    /**
     * The same run with at most {@code n} epochs and the given patience (0: no early stopping).
     *
     * @param n the most epochs, at least 1
     * @param patienceEpochs the patience, at least 0
     * @return a new spec
     */
    public TrainSpec withEpochs(int n, int patienceEpochs) {
        return new TrainSpec(hidden, activation, loss, optimizer, lr, batchSize, n, patienceEpochs, seed, validation,
                dropout);
    }

    /**
     * The learning rate actually used.
     *
     * @return the given rate, or the optimizer's default
     */
    public double effectiveLr() {
        return lr.orElse(optimizer.defaultLr());
    }
}
