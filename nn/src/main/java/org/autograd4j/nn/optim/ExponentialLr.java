package org.autograd4j.nn.optim;

/**
 * Multiplies the learning rate by {@code gamma} every epoch, as PyTorch's {@code ExponentialLR}: after epoch {@code e}
 * the rate is {@code base * gamma^e}, applied as one multiplication of the current rate per step.
 *
 * <pre>{@code
 * new ExponentialLr(opt, 0.9);   // lr 0.1 → 0.1, 0.09, 0.081, ...
 * }</pre>
 */
public final class ExponentialLr extends BaseLrScheduler {
    private static final String NAME = "ExponentialLr";

    private final double gamma;

    /**
     * A schedule starting from the optimizer's current learning rate.
     *
     * @param optimizer the optimizer whose learning rates this schedule sets
     * @param gamma the decay factor per epoch, {@code > 0}
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    public ExponentialLr(Optimizer optimizer, double gamma) {
        super(NAME, optimizer);
        this.gamma = Check.positive(NAME, "gamma", gamma);
    }

    /** Ends an epoch: multiplies each group's learning rate by {@code gamma}. */
    @Override
    public void step() {
        lastEpoch++;
        scaleAll(gamma);
    }

    @Override
    double lrAt(double base, int epoch) {
        return base * Math.pow(gamma, epoch);
    }
}
