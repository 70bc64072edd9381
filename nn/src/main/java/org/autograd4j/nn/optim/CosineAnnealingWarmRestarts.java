package org.autograd4j.nn.optim;

import java.util.Map;

/**
 * Cosine annealing with warm restarts (SGDR), as PyTorch's {@code CosineAnnealingWarmRestarts}: every group's rate is
 * {@code etaMin + (base - etaMin) * (1 + cos(pi * tCur / tI)) / 2}, where {@code tCur} counts the steps since the
 * last restart; the first period has {@code t0} steps, each next one {@code tMult} times as many, and the rate jumps
 * back to {@code base} at each restart. Step it per epoch or per batch.
 *
 * <pre>{@code
 * new CosineAnnealingWarmRestarts(opt, 10, 2, 1e-5);   // restarts after steps 10, 30, 70, ...
 * }</pre>
 */
public final class CosineAnnealingWarmRestarts extends BaseLrScheduler {
    private static final String NAME = "CosineAnnealingWarmRestarts";

    private final int t0;
    private final int tMult;
    private final double etaMin;

    /**
     * Restarts every {@code t0} steps, annealing to 0.
     *
     * @param optimizer the optimizer whose learning rates this schedule sets
     * @param t0 the steps of every period, {@code >= 1}
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0) {
        this(optimizer, t0, 1, 0);
    }

    /**
     * A schedule whose base rates are the groups' current rates.
     *
     * @param optimizer the optimizer whose learning rates this schedule sets
     * @param t0     the steps of the first period, {@code >= 1}
     * @param tMult  the growth of each next period, {@code >= 1}
     * @param etaMin the lowest rate, {@code >= 0}
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0, int tMult, double etaMin) {
        super(NAME, optimizer);
        this.t0 = Check.atLeast(NAME, "t0", t0, 1);
        this.tMult = Check.atLeast(NAME, "tMult", tMult, 1);
        this.etaMin = Check.nonNegative(NAME, "etaMin", etaMin);
    }

    /** Ends a step and sets each group's rate at the new position in the current period. */
    @Override
    public void step() {
        lastEpoch++;
        applyClosedForm();
    }

    /** The rate after {@code epoch} steps: the position in its period, found by removing whole periods. */
    @Override
    double lrAt(double base, int epoch) {
        long tI = t0;
        long tCur = epoch;
        if (tMult == 1) {
            tCur %= t0;
        } else {
            while (tCur >= tI) {
                tCur -= tI;
                tI *= tMult;
            }
        }
        return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
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
