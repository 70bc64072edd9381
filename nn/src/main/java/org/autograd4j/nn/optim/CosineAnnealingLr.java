package org.autograd4j.nn.optim;

import java.util.LinkedHashMap;
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
public final class CosineAnnealingLr implements LrScheduler {
    private final Optimizer optimizer;
    private double baseLr;
    private final int tMax;
    private final double etaMin;
    private int lastEpoch;

    /**
     * A schedule whose base rate is the optimizer's current learning rate.
     *
     * @param tMax   epochs of half a cosine period, {@code >= 1}
     * @param etaMin the lowest learning rate, {@code >= 0}
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    public CosineAnnealingLr(Optimizer optimizer, int tMax, double etaMin) {
        this.optimizer = Check.notNull("CosineAnnealingLr", "optimizer", optimizer);
        this.tMax = Check.atLeast("CosineAnnealingLr", "tMax", tMax, 1);
        this.etaMin = Check.nonNegative("CosineAnnealingLr", "etaMin", etaMin);
        this.baseLr = optimizer.learningRate();
    }

    /** Ends an epoch and sets the learning rate to the closed form at the new epoch. */
    @Override
    public void step() {
        lastEpoch++;
        double lr = etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * lastEpoch / tMax)) / 2;
        optimizer.setLearningRate(lr);
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
        out.put("base_lr", baseLr);
        return out;
    }

    @Override
    public void loadState(Map<String, Double> state) {
        int epoch = Check.count("CosineAnnealingLr.loadState", state, "last_epoch");
        baseLr = Check.nonNegative("CosineAnnealingLr.loadState", "base_lr",
                Check.value("CosineAnnealingLr.loadState", state, "base_lr"));
        lastEpoch = epoch;
    }
}
