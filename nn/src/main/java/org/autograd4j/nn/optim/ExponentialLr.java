package org.autograd4j.nn.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multiplies the learning rate by {@code gamma} every epoch, as PyTorch's {@code ExponentialLR}: after epoch {@code e}
 * the rate is {@code base * gamma^e}, applied as one multiplication of the current rate per step.
 *
 * <pre>{@code
 * new ExponentialLr(opt, 0.9);   // lr 0.1 → 0.1, 0.09, 0.081, ...
 * }</pre>
 */
public final class ExponentialLr implements LrScheduler {
    private final Optimizer optimizer;
    private final double gamma;
    private int lastEpoch;

    /**
     * A schedule starting from the optimizer's current learning rate.
     *
     * @param gamma the decay factor per epoch, {@code > 0}
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    public ExponentialLr(Optimizer optimizer, double gamma) {
        this.optimizer = Check.notNull("ExponentialLr", "optimizer", optimizer);
        this.gamma = Check.positive("ExponentialLr", "gamma", gamma);
    }

    /** Ends an epoch: multiplies the learning rate by {@code gamma}. */
    @Override
    public void step() {
        lastEpoch++;
        optimizer.setLearningRate(optimizer.learningRate() * gamma);
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
        lastEpoch = Check.count("ExponentialLr.loadState", state, "last_epoch");
    }
}
