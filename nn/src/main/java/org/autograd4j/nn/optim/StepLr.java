package org.autograd4j.nn.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multiplies the learning rate by {@code gamma} every {@code stepSize} epochs, as PyTorch's {@code StepLR}: after epoch
 * {@code e} the rate is {@code base * gamma^floor(e / stepSize)}, applied as one multiplication of the current rate.
 *
 * <pre>{@code
 * new StepLr(opt, 2, 0.5);   // lr 0.1 → 0.1, 0.1, 0.05, 0.05, 0.025, ... after 0, 1, 2, 3, 4 steps
 * }</pre>
 */
public final class StepLr implements LrScheduler {
    private final Optimizer optimizer;
    private final int stepSize;
    private final double gamma;
    private int lastEpoch;

    /**
     * A schedule starting from the optimizer's current learning rate.
     *
     * @param stepSize epochs between decays, {@code >= 1}
     * @param gamma    the decay factor, {@code > 0}
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    public StepLr(Optimizer optimizer, int stepSize, double gamma) {
        this.optimizer = Check.notNull("StepLr", "optimizer", optimizer);
        this.stepSize = Check.atLeast("StepLr", "stepSize", stepSize, 1);
        this.gamma = Check.positive("StepLr", "gamma", gamma);
    }

    /** Ends an epoch; every {@code stepSize}-th call multiplies the learning rate by {@code gamma}. */
    @Override
    public void step() {
        lastEpoch++;
        if (lastEpoch % stepSize == 0) {
            optimizer.setLearningRate(optimizer.learningRate() * gamma);
        }
    }

    @Override
    public double lastLr() {
        return optimizer.learningRate();
    }

    @Override
    public int lastEpoch() {
        return lastEpoch;
    }

    @Override
    public Map<String, Double> state() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("last_epoch", (double) lastEpoch);
        return out;
    }

    @Override
    public void loadState(Map<String, Double> state) {
        lastEpoch = Check.count("StepLr.loadState", state, "last_epoch");
    }
}
