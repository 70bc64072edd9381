package org.autograd4j.nn.optim;

import java.util.Map;

/**
 * Cuts the learning rate when a monitored metric stops improving, as PyTorch's {@code ReduceLROnPlateau} (relative
 * threshold): an epoch improves when the metric is below {@code best * (1 - threshold)} (mode MIN) or above
 * {@code best * (1 + threshold)} (mode MAX); after more than {@code patience} epochs in a row without improvement each
 * group's rate becomes {@code max(lr * factor, minLr)} (skipped if that changes it by no more than 1e-8), and the next
 * {@code cooldown} epochs count no bad epochs. A NaN metric never improves.
 *
 * <pre>{@code
 * ReduceLrOnPlateau sched = new ReduceLrOnPlateau(opt, ReduceLrOnPlateau.Mode.MIN, 0.5, 3, 1e-4, 0, 1e-6);
 * sched.step(validationLoss);   // once per epoch
 * }</pre>
 */
public final class ReduceLrOnPlateau extends BaseLrScheduler {
    /** Whether a lower (loss) or a higher (accuracy) metric is better. */
    public enum Mode {
        /** Lower is better. */
        MIN,
        /** Higher is better. */
        MAX
    }

    private static final String NAME = "ReduceLrOnPlateau";
    /** PyTorch's {@code eps}: reductions smaller than this are skipped. */
    private static final double MIN_CHANGE = 1e-8;

    private final Mode mode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final int cooldown;
    private final double minLr;
    private double best;
    private int badEpochs;
    private int cooldownCounter;

    /**
     * A scheduler with PyTorch's defaults: {@code factor 0.1, patience 10, threshold 1e-4, cooldown 0, minLr 0}.
     *
     * @param optimizer the optimizer whose learning rates this schedule sets
     * @param mode whether lower ({@link Mode#MIN}) or higher ({@link Mode#MAX}) is better
     * @throws IllegalArgumentException if an argument is null
     */
    public ReduceLrOnPlateau(Optimizer optimizer, Mode mode) {
        this(optimizer, mode, 0.1, 10, 1e-4, 0, 0.0);
    }

    /**
     * A scheduler watching a metric passed to {@link #step(double)}.
     *
     * @param optimizer the optimizer whose learning rates this schedule sets
     * @param mode      whether lower ({@link Mode#MIN}) or higher ({@link Mode#MAX}) is better
     * @param factor    the multiplier applied on a plateau, in (0, 1)
     * @param patience  the number of epochs without improvement tolerated, {@code >= 0}
     * @param threshold the relative improvement that counts, {@code >= 0}
     * @param cooldown  epochs after a reduction during which bad epochs are not counted, {@code >= 0}
     * @param minLr     the learning rate is never reduced below this, {@code >= 0}
     * @throws IllegalArgumentException naming the invalid argument and its value
     */
    public ReduceLrOnPlateau(Optimizer optimizer, Mode mode, double factor, int patience, double threshold,
            int cooldown, double minLr) {
        super(NAME, optimizer);
        this.mode = Check.notNull(NAME, "mode", mode);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException(NAME + ": factor must be in (0, 1), got " + factor);
        }
        this.factor = factor;
        this.patience = Check.atLeast(NAME, "patience", patience, 0);
        this.threshold = Check.nonNegative(NAME, "threshold", threshold);
        this.cooldown = Check.atLeast(NAME, "cooldown", cooldown, 0);
        this.minLr = Check.nonNegative(NAME, "minLr", minLr);
        this.best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /**
     * Not available: this scheduler needs the metric.
     *
     * @throws IllegalStateException always; call {@link #step(double)}
     */
    @Override
    public void step() {
        throw new IllegalStateException(NAME + ": step() needs the monitored metric; call step(metric)");
    }

    /** Ends an epoch with the monitored metric, reducing the learning rate after a plateau as the class states. */
    @Override
    public void step(double metric) {
        lastEpoch++;
        if (isBetter(metric)) {
            best = metric;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            badEpochs = 0;
        }
        if (badEpochs > patience) {
            for (int g = 0; g < optimizer.groupCount(); g++) {
                double old = optimizer.learningRate(g);
                double reduced = Math.max(old * factor, minLr);
                if (old - reduced > MIN_CHANGE) {
                    optimizer.setLearningRate(g, reduced);
                }
            }
            cooldownCounter = cooldown;
            badEpochs = 0;
        }
    }

    private boolean isBetter(double metric) {
        return mode == Mode.MIN ? metric < best * (1 - threshold) : metric > best * (1 + threshold);
    }

    /**
     * The best metric seen so far (infinite before the first step).
     *
     * @return the best value, or ±infinity (the worst value for the mode) before the first step
     */
    public double best() {
        return best;
    }

    /**
     * The number of epochs in a row without improvement, as counted now.
     *
     * @return the count, at least 0
     */
    public int badEpochs() {
        return badEpochs;
    }

    @Override
    void exportState(Map<String, Double> out) {
        out.put("best", best);
        out.put("num_bad_epochs", (double) badEpochs);
        out.put("cooldown_counter", (double) cooldownCounter);
    }

    @Override
    Runnable importState(String op, Map<String, Double> state) {
        double loadedBest = Check.value(op, state, "best");
        int bad = Check.count(op, state, "num_bad_epochs");
        int cooling = Check.count(op, state, "cooldown_counter");
        return () -> {
            best = loadedBest;
            badEpochs = bad;
            cooldownCounter = cooling;
        };
    }
}
