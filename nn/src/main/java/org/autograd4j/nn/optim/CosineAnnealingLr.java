package org.autograd4j.nn.optim;

import java.util.Map;

/**
 * Anneals the learning rate along a cosine from its base value to {@code etaMin} over {@code tMax} epochs, in the
 * closed form of PyTorch's {@code CosineAnnealingLR}: after epoch {@code e} the rate is
 * {@code etaMin + (base - etaMin) * (1 + cos(pi * e / tMax)) / 2}. Past {@code tMax} the cosine goes on, so the rate
 * rises back to {@code base} at {@code 2 * tMax} (PyTorch's schedule does the same; it has no restarts).
 *
 * <pre>{@code
 * new CosineAnnealingLr(opt, 100, 1e-5);
 * }</pre>
 */
public final class CosineAnnealingLr extends BaseLrScheduler {
    private static final String NAME = "CosineAnnealingLr";

    private final int tMax;
    private final double etaMin;

    /**
     * A schedule whose base rate is the optimizer's current learning rate.
     *
     * @param optimizer the optimizer whose learning rates this schedule sets
     * @param tMax   epochs of half a cosine period, {@code >= 1}
     * @param etaMin the lowest learning rate, {@code >= 0}
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    public CosineAnnealingLr(Optimizer optimizer, int tMax, double etaMin) {
        super(NAME, optimizer);
        this.tMax = Check.atLeast(NAME, "tMax", tMax, 1);
        this.etaMin = Check.nonNegative(NAME, "etaMin", etaMin);
    }

    /** Ends an epoch and sets each group's learning rate to the closed form at the new epoch. */
    @Override
    public void step() {
        lastEpoch++;
        applyClosedForm();
    }

    @Override
    double lrAt(double base, int epoch) {
        return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
    }

    /** Adds {@code base_lr} (one per group), which a restarted program's optimizer may no longer hold. */
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
