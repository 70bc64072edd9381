package org.autograd4j.nn.optim;

/**
 * Multiplies the learning rate by {@code gamma} every {@code stepSize} epochs, as PyTorch's {@code StepLR}: after epoch
 * {@code e} the rate is {@code base * gamma^floor(e / stepSize)}, applied as one multiplication of the current rate.
 *
 * <pre>{@code
 * new StepLr(opt, 2, 0.5);   // lr 0.1 → 0.1, 0.1, 0.05, 0.05, 0.025, ... after 0, 1, 2, 3, 4 steps
 * }</pre>
 */
public final class StepLr extends BaseLrScheduler {
    private static final String NAME = "StepLr";

    private final int stepSize;
    private final double gamma;

    /**
     * A schedule starting from the optimizer's current learning rate.
     *
     * @param optimizer the optimizer whose learning rates this schedule sets
     * @param stepSize epochs between decays, {@code >= 1}
     * @param gamma    the decay factor, {@code > 0}
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    public StepLr(Optimizer optimizer, int stepSize, double gamma) {
        super(NAME, optimizer);
        this.stepSize = Check.atLeast(NAME, "stepSize", stepSize, 1);
        this.gamma = Check.positive(NAME, "gamma", gamma);
    }

    /** Ends an epoch; every {@code stepSize}-th call multiplies each group's learning rate by {@code gamma}. */
    @Override
    public void step() {
        lastEpoch++;
        if (lastEpoch % stepSize == 0) {
            scaleAll(gamma);
        }
    }

    @Override
    double lrAt(double base, int epoch) {
        return base * Math.pow(gamma, epoch / stepSize);
    }
}
