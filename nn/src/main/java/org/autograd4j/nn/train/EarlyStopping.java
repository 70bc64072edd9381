package org.autograd4j.nn.train;

import java.util.Map;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.Module;

/**
 * Stops training when a monitored metric has not improved for {@code patience} epochs, as Keras's
 * {@code EarlyStopping}: an epoch improves when its value beats the best so far by more than {@code minDelta}; after
 * {@code patience} epochs in a row without improvement, training stops (patience 0 stops at the first one).
 *
 * <p>With {@code restoreBestWeights}, a copy of the parameters ({@link Module#stateDict()}) is kept from the best
 * epoch, and loaded back into the model when training ends, whether it stopped early, ran all its epochs or was
 * stopped by {@link TerminateOnNaN}. An epoch whose monitored value is NaN or infinite, or (when restoring) whose
 * weights hold a NaN or an infinity, is never the best one.
 *
 * <pre>{@code
 * EarlyStopping stop = EarlyStopping.builder().monitor("val_loss").patience(5).minDelta(1e-4)
 *         .restoreBestWeights(true).build();
 * History h = Trainer.fit(model, loss, opt, train, validation, 200, stop);
 * stop.bestEpoch();   // the epoch whose weights the model now holds
 * }</pre>
 */
public final class EarlyStopping implements Callback {
    private final Monitor monitor;
    private final int patience;
    private final boolean restoreBestWeights;
    private Module model;
    private Map<String, Tensor> bestWeights;
    private int wait;
    private int stoppedEpoch;

    private EarlyStopping(Builder b) {
        this.monitor = new Monitor("EarlyStopping", b.monitor, b.mode, b.minDelta);
        if (b.patience < 0) {
            throw new IllegalArgumentException("EarlyStopping: patience must be >= 0, got " + b.patience);
        }
        this.patience = b.patience;
        this.restoreBestWeights = b.restoreBestWeights;
    }

    /**
     * Monitors {@code monitor} (mode AUTO, minDelta 0), stops after {@code patience} epochs without improvement and
     * restores the best weights.
     *
     * @param monitor a name the epoch logs will have, e.g. {@code val_loss}
     * @param patience epochs without improvement to allow before stopping, at least 0
     * @throws IllegalArgumentException if the name is empty or {@code patience < 0}
     */
    public EarlyStopping(String monitor, int patience) {
        this(builder().monitor(monitor).patience(patience).restoreBestWeights(true));
    }

    /**
     * Options; defaults: monitor {@code val_loss}, mode AUTO, patience 0, minDelta 0, no restoring (Keras's).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** EarlyStopping options, validated by {@link #build()}. */
    public static final class Builder {
        private String monitor = "val_loss";
        private MonitorMode mode = MonitorMode.AUTO;
        private int patience;
        private double minDelta;
        private boolean restoreBestWeights;

        private Builder() {
        }

        /**
         * The metric to watch, e.g. {@code val_loss} or {@code val_accuracy}.
         *
         * @param monitor a name the epoch logs will have, e.g. {@code val_loss}
         * @return this builder
         */
        public Builder monitor(String monitor) {
            this.monitor = monitor;
            return this;
        }

        /**
         * Whether lower or higher is better (default AUTO: from the name).
         *
         * @param mode whether lower or higher is better
         * @return this builder
         */
        public Builder mode(MonitorMode mode) {
            this.mode = mode;
            return this;
        }

        /**
         * Epochs without improvement to allow before stopping, {@code >= 0}.
         *
         * @param patience the number of epochs, at least 0
         * @return this builder
         */
        public Builder patience(int patience) {
            this.patience = patience;
            return this;
        }

        /**
         * The smallest change that counts as an improvement, {@code >= 0}.
         *
         * @param minDelta the change, at least 0
         * @return this builder
         */
        public Builder minDelta(double minDelta) {
            this.minDelta = minDelta;
            return this;
        }

        /**
         * Whether to load the best epoch's parameters back into the model at the end.
         *
         * @param restore whether to restore the best weights
         * @return this builder
         */
        public Builder restoreBestWeights(boolean restore) {
            this.restoreBestWeights = restore;
            return this;
        }

        /**
         * The callback.
         *
         * @return a new callback
         * @throws IllegalArgumentException if the monitor name is empty, patience is negative, or minDelta is
         *                                  negative or not finite
         */
        public EarlyStopping build() {
            return new EarlyStopping(this);
        }
    }

    @Override
    public void onTrainBegin(Module model, int epochs) {
        this.model = model;
        monitor.reset();
        bestWeights = null;
        wait = 0;
        stoppedEpoch = 0;
    }

    /**
     * Compares the monitored value with the best so far.
     *
     * @throws IllegalArgumentException if the monitored metric is not in the logs
     */
    @Override
    public boolean onEpochEnd(int epoch, EpochLogs logs) {
        double v = monitor.value("EarlyStopping", logs);
        Map<String, Tensor> weights = restoreBestWeights && model != null && monitor.improves(v)
                ? model.stateDict() : null;
        if (monitor.improves(v) && (weights == null || Monitor.finite(weights.values()))) {
            monitor.accept(v, epoch);
            wait = 0;
            if (weights != null) {
                bestWeights = weights;
            }
            return false;
        }
        wait++;
        if (wait >= patience) {
            stoppedEpoch = epoch;
            return true;
        }
        return false;
    }

    /**
     * Loads the best epoch's weights back, if asked to and an epoch had a finite value and finite weights; otherwise
     * the model keeps its last weights ({@link #bestEpoch()} is then 0).
     */
    @Override
    public void onTrainEnd(History history) {
        if (restoreBestWeights && bestWeights != null) {
            model.loadStateDict(bestWeights);
        }
    }

    /**
     * The epoch (from 1) after which this callback stopped training; 0 if it did not.
     *
     * @return the epoch, or 0
     */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /**
     * The epoch (from 1) with the best monitored value so far; 0 before any.
     *
     * @return the epoch, or 0
     */
    public int bestEpoch() {
        return monitor.bestEpoch();
    }

    /**
     * The best monitored value so far; NaN before any.
     *
     * @return the value, or NaN
     */
    public double best() {
        return monitor.best();
    }

    /**
     * The monitored metric's name.
     *
     * @return the name, e.g. {@code val_loss}
     */
    public String monitor() {
        return monitor.name;
    }

    /**
     * Whether the monitored metric is maximised (MAX, or AUTO resolved from the name).
     *
     * @return true if higher is better
     */
    public boolean maximizes() {
        return monitor.maximize;
    }
}
