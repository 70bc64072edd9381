package org.autograd4j.nn.optim;

import java.util.Map;

/**
 * Moves every group's learning rate linearly from {@code startFactor} to {@code endFactor} times its base rate over
 * {@code totalIters} steps, then keeps it, as PyTorch's {@code LinearLR}: after step {@code e} the rate is
 * {@code base * (start + (end - start) * min(e, totalIters) / totalIters)}. Building it sets the rate of step 0,
 * {@code base * startFactor}, as PyTorch does. Its common use is a warm-up, stepped per batch or per epoch, followed by
 * another schedule through {@link SequentialLr}.
 *
 * <pre>{@code
 * new LinearLr(opt, 0.1, 1.0, 5);    // warm-up: 0.1·base, 0.28·base, ..., base from step 5 on
 * }</pre>
 */
public final class LinearLr extends BaseLrScheduler {
    private static final String NAME = "LinearLr";

    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    /**
     * A linear schedule from each group's current rate.
     *
     * @param optimizer the optimizer whose learning rates this schedule sets
     * @param startFactor the multiplier at step 0, in (0, 1]
     * @param endFactor   the multiplier from step {@code totalIters} on, in [0, 1]
     * @param totalIters  the steps from start to end, {@code >= 1}
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    public LinearLr(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super(NAME, optimizer);
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new IllegalArgumentException(NAME + ": startFactor must be in (0, 1], got " + startFactor);
        }
        this.startFactor = startFactor;
        this.endFactor = Check.fraction(NAME, "endFactor", endFactor);
        this.totalIters = Check.atLeast(NAME, "totalIters", totalIters, 1);
        applyClosedForm();
    }

    /** Ends a step and sets each group's rate to the closed form at the new step. */
    @Override
    public void step() {
        lastEpoch++;
        applyClosedForm();
    }

    @Override
    double lrAt(double base, int epoch) {
        return base * (startFactor + (endFactor - startFactor) * Math.min(totalIters, epoch) / totalIters);
    }

    @Override
    void exportState(Map<String, Double> out) {
        exportBaseLrs(out);
    }

    /** Reads the base rates; loading then sets the rates of the loaded epoch (whatever the optimizer held). */
    @Override
    Runnable importState(String op, Map<String, Double> state) {
        Runnable bases = importBaseLrs(op, state);
        return () -> {
            bases.run();
            applyClosedForm();
        };
    }
}
