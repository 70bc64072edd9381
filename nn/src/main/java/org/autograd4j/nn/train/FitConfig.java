package org.autograd4j.nn.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.autograd4j.nn.Loss;
import org.autograd4j.nn.Module;
import org.autograd4j.nn.data.DataLoader;
import org.autograd4j.nn.metrics.Metric;
import org.autograd4j.nn.optim.LrScheduler;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.ReduceLrOnPlateau;

/**
 * Everything {@link Trainer#fit(FitConfig)} needs, built once and validated: the model, loss, optimizer and loaders,
 * plus optional metrics, a learning-rate scheduler, gradient clipping, callbacks and a progress line.
 *
 * <pre>{@code
 * FitConfig config = FitConfig.builder(model, Losses.crossEntropy(), optimizer, trainLoader)
 *         .validation(valLoader)
 *         .epochs(100)
 *         .metrics(Metric.accuracy())
 *         .lrScheduler(new ReduceLrOnPlateau(optimizer, ReduceLrOnPlateau.Mode.MIN), "val_loss")
 *         .clipGradNorm(1.0)
 *         .callbacks(new EarlyStopping("val_loss", 10))
 *         .verbose(true)
 *         .build();
 * History history = Trainer.fit(config);
 * }</pre>
 *
 * <p><b>Note (printing).</b> Only a {@link ProgressLogger} prints; {@link Builder#verbose(boolean)} is shorthand for
 * adding one on {@code System.out} (or on a given stream with {@link Builder#verbose(PrintStream)}). Without either,
 * training prints nothing.
 */
public final class FitConfig {
    final Module model;
    final Loss loss;
    final Optimizer optimizer;
    final DataLoader train;
    final DataLoader validation;
    final int epochs;
    final List<Metric> metrics;
    final LrScheduler scheduler;
    final String schedulerMonitor;
    final StepInterval schedulerInterval;
    final OptionalDouble clipGradNorm;
    final List<Callback> callbacks;
    final boolean capture;

    private FitConfig(Builder b) {
        this.model = b.model;
        this.loss = b.loss;
        this.optimizer = b.optimizer;
        this.train = b.train;
        this.validation = b.validation;
        this.epochs = b.epochs;
        this.metrics = List.copyOf(b.metrics);
        this.scheduler = b.scheduler;
        this.schedulerMonitor = b.schedulerMonitor;
        this.schedulerInterval = b.schedulerInterval;
        this.clipGradNorm = b.clipGradNorm;
        this.capture = b.capture;
        List<Callback> all = new ArrayList<>();
        if (b.progress != null) {
            all.add(new ProgressLogger(b.progress));
        }
        all.addAll(b.callbacks);
        this.callbacks = List.copyOf(all);
    }

    /**
     * Starts a configuration; defaults: no validation, 1 epoch, no metrics, no scheduler, no clipping, no callbacks,
     * silent.
     *
     * @param model the model to train
     * @param loss the loss of a batch
     * @param optimizer the optimizer over the model's parameters
     * @param train the training rows
     * @return a new builder
     */
    public static Builder builder(Module model, Loss loss, Optimizer optimizer, DataLoader train) {
        return new Builder(model, loss, optimizer, train);
    }

    /**
     * The number of epochs to run (callbacks may stop earlier).
     *
     * @return the number of epochs, at least 1
     */
    public int epochs() {
        return epochs;
    }

    /**
     * The metric names in log order: {@code loss}, {@code val_loss} (with validation), then each metric and twin.
     *
     * @return the names, unmodifiable
     */
    public List<String> logNames() {
        List<String> names = new ArrayList<>(List.of("loss"));
        if (validation != null) {
            names.add("val_loss");
        }
        for (Metric m : metrics) {
            names.add(m.name());
            if (validation != null) {
                names.add("val_" + m.name());
            }
        }
        return names;
    }

    /** Options for a {@link FitConfig}, validated by {@link #build()}. */
    public static final class Builder {
        private final Module model;
        private final Loss loss;
        private final Optimizer optimizer;
        private final DataLoader train;
        private DataLoader validation;
        private int epochs = 1;
        private final List<Metric> metrics = new ArrayList<>();
        private LrScheduler scheduler;
        private String schedulerMonitor;
        private StepInterval schedulerInterval = StepInterval.EPOCH;
        private OptionalDouble clipGradNorm = OptionalDouble.empty();
        private final List<Callback> callbacks = new ArrayList<>();
        private PrintStream progress;
        private boolean capture;

        private Builder(Module model, Loss loss, Optimizer optimizer, DataLoader train) {
            this.model = model;
            this.loss = loss;
            this.optimizer = optimizer;
            this.train = train;
        }

        /**
         * The loader evaluated after every epoch (in eval mode, without gradients); null for none.
         *
         * @param validation the validation rows, or null
         * @return this builder
         */
        public Builder validation(DataLoader validation) {
            this.validation = validation;
            return this;
        }

        /**
         * The number of epochs, {@code >= 1}.
         *
         * @param epochs the number of epochs, at least 1
         * @return this builder
         */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /**
         * Metrics to log each epoch, on the training rows and, with validation, as {@code val_} twins.
         *
         * @param metrics the metrics, with distinct names
         * @return this builder
         */
        public Builder metrics(Metric... metrics) {
            this.metrics.addAll(List.of(metrics));
            return this;
        }

        /**
         * Steps {@code scheduler} after every epoch with {@code val_loss} (or {@code loss} without validation); only
         * schedulers that monitor a metric (ReduceLrOnPlateau) use the value.
         *
         * @param scheduler the scheduler over this configuration's optimizer
         * @return this builder
         */
        public Builder lrScheduler(LrScheduler scheduler) {
            return lrScheduler(scheduler, (String) null);
        }

        /**
         * Steps {@code scheduler} after every epoch with the logged value of {@code monitor}, e.g.
         * {@code val_accuracy}.
         *
         * @param scheduler the scheduler over this configuration's optimizer
         * @param monitor a name the epoch logs will have
         * @return this builder
         */
        public Builder lrScheduler(LrScheduler scheduler, String monitor) {
            this.scheduler = scheduler;
            this.schedulerMonitor = monitor;
            this.schedulerInterval = StepInterval.EPOCH;
            return this;
        }

        /**
         * Steps {@code scheduler} after every epoch or after every training batch ({@link StepInterval#BATCH}: after
         * the batch's optimizer step, before the callbacks' {@code onBatchEnd}), as {@code OneCycleLr} or a warm-up
         * counted in batches needs.
         *
         * <pre>{@code
         * builder.lrScheduler(new OneCycleLr(opt, 0.1, epochs * loader.numBatches()), StepInterval.BATCH);
         * }</pre>
         *
         * @param scheduler the scheduler; a monitoring one ({@code ReduceLrOnPlateau}) only per epoch
         * @param interval  when to step it
         * @return this builder
         */
        public Builder lrScheduler(LrScheduler scheduler, StepInterval interval) {
            this.scheduler = scheduler;
            this.schedulerMonitor = null;
            this.schedulerInterval = interval;
            return this;
        }

        /**
         * Clips the total Euclidean norm of the gradients to {@code maxNorm} before every step (GradClip); without
         * this call, no clipping.
         *
         * @param maxNorm the largest total norm, positive and finite
         * @return this builder
         */
        public Builder clipGradNorm(double maxNorm) {
            this.clipGradNorm = OptionalDouble.of(maxNorm);
            return this;
        }

        /**
         * Callbacks, called in the order given (after the progress line, if any).
         *
         * @param callbacks the callbacks, none null or repeated
         * @return this builder
         */
        public Builder callbacks(Callback... callbacks) {
            this.callbacks.addAll(List.of(callbacks));
            return this;
        }

        /**
         * Whether to capture the training step (forward, loss, backward) on its first batch and replay it on the next
         * ones ({@code Autograd.capture}): the same numbers bit for bit, without building a tape per batch (default
         * false). Where the step cannot be captured (a layer without a recorded kernel, such as Dropout today, or a
         * loss that reads values from Java), training goes on eagerly and {@link History#captureRefusal()} says why.
         *
         * @param capture whether to capture and replay
         * @return this builder
         */
        public Builder capture(boolean capture) {
            this.capture = capture;
            return this;
        }

        /**
         * Whether to print a progress line per epoch on {@code System.out} (default false).
         *
         * @param verbose whether to print
         * @return this builder
         */
        public Builder verbose(boolean verbose) {
            this.progress = verbose ? System.out : null;
            return this;
        }

        /**
         * Prints a progress line per epoch on {@code out}.
         *
         * @param out where to print, not null
         * @return this builder
         */
        public Builder verbose(PrintStream out) {
            this.progress = out;
            return this;
        }

        /**
         * The configuration.
         *
         * @return a new configuration
         * @throws IllegalArgumentException for a null model, loss, optimizer or training loader, {@code epochs < 1},
         *                                  a null or duplicate metric or callback, a monitor the logs will not
         *                                  have, or a {@code maxNorm} that is not a positive finite number (NaN
         *                                  included)
         */
        public FitConfig build() {
            String[] names0 = {"model", "loss", "optimizer", "train loader"};
            Object[] given = {model, loss, optimizer, train};
            for (int i = 0; i < given.length; i++) {
                if (given[i] == null) {
                    throw new IllegalArgumentException("FitConfig: the " + names0[i] + " must not be null");
                }
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("FitConfig: epochs must be >= 1, got " + epochs);
            }
            Set<String> names = new HashSet<>(List.of("loss"));
            for (Metric m : metrics) {
                if (m == null || !names.add(m.name())) {
                    throw new IllegalArgumentException("FitConfig: metrics must be non-null with distinct names "
                            + "other than 'loss', got " + (m == null ? "null" : "'" + m.name() + "' twice"));
                }
            }
            if (callbacks.contains(null)) {
                throw new IllegalArgumentException("FitConfig: callback " + callbacks.indexOf(null) + " is null");
            }
            if (clipGradNorm.isPresent()
                    && !(clipGradNorm.getAsDouble() > 0 && clipGradNorm.getAsDouble() < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("FitConfig: clipGradNorm must be a positive finite number, got "
                        + clipGradNorm.getAsDouble());
            }
            FitConfig config = new FitConfig(this);
            if (schedulerMonitor != null && !config.logNames().contains(schedulerMonitor)) {
                throw new IllegalArgumentException("FitConfig: the scheduler monitors '" + schedulerMonitor
                        + "' but the logs will hold " + config.logNames());
            }
            if (scheduler == null && schedulerMonitor != null) {
                throw new IllegalArgumentException("FitConfig: a monitor was given without a scheduler");
            }
            if (schedulerInterval == null) {
                throw new IllegalArgumentException("FitConfig: the scheduler's step interval is null");
            }
            if (schedulerInterval == StepInterval.BATCH && scheduler instanceof ReduceLrOnPlateau) {
                throw new IllegalArgumentException("FitConfig: ReduceLrOnPlateau monitors an epoch's metric; step it "
                        + "per epoch (StepInterval.EPOCH)");
            }
            return config;
        }
    }
}
