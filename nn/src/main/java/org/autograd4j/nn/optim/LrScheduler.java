package org.autograd4j.nn.optim;

import java.util.Map;

/**
 * Changes an optimizer's learning rates step by step, as PyTorch's {@code torch.optim.lr_scheduler}. Build it after
 * the optimizer (each parameter group's rate at that moment is its base rate) and call {@link #step()} after the
 * optimizer's steps: once per epoch for epoch-based schedules, or once per batch for schedules counted in batches
 * ({@link OneCycleLr}, a warm-up over the first batches); a "step" or "epoch" below is one such call.
 * {@code Trainer.fit} does either ({@code FitConfig.Builder.lrScheduler(s, StepInterval.BATCH)}).
 *
 * <pre>{@code
 * LrScheduler sched = new StepLr(opt, 30, 0.1);
 * for (int epoch = 0; epoch < 100; epoch++) {
 *     train(opt);
 *     sched.step();        // ReduceLrOnPlateau: sched.step(validationLoss)
 * }
 * }</pre>
 */
public interface LrScheduler {
    /** Ends an epoch (or a batch, for a schedule stepped per batch) and sets the optimizer's rates for the next. */
    void step();

    /**
     * Ends an epoch with the value of the monitored metric. Schedulers that do not monitor a metric ignore it and do
     * what {@link #step()} does, so a training loop can call this form for every scheduler.
     *
     * @param metric the epoch's value of the monitored metric (e.g. the validation loss)
     */
    default void step(double metric) {
        step();
    }

    /**
     * The learning rate set by the last step, group 0's (before any step, the optimizer's rate once the scheduler was
     * built).
     *
     * @return the learning rate, at least 0
     */
    double lastLr();

    /**
     * The number of steps (epochs or batches) taken so far (PyTorch's {@code last_epoch}).
     *
     * @return the step count, 0 before the first step
     */
    int lastEpoch();

    /**
     * The counters a resumed run needs, by PyTorch's names ({@code last_epoch}, and e.g. {@code best}); save it with
     * the optimizer's {@link Optimizer#state()}, which holds the learning rate itself. The schedulers of this package
     * implement it; the default throws.
     *
     * @return the counters by name, in a stable order
     * @throws UnsupportedOperationException if this scheduler cannot be saved
     */
    default Map<String, Double> state() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + ": state() is not supported");
    }

    /**
     * Restores counters exported by {@link #state()} of a scheduler of the same class. The schedulers of this package
     * implement it; the default throws.
     *
     * @param state counters by name, as {@link #state()} returned them
     * @throws IllegalArgumentException      if a value is missing or out of range; nothing changes then
     * @throws UnsupportedOperationException if this scheduler cannot be restored
     */
    default void loadState(Map<String, Double> state) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + ": loadState() is not supported");
    }

    /**
     * Restores a state saved with its type (e.g. by {@link org.autograd4j.nn.io.ModelIO}): checks that it comes from a
     * scheduler of this class, then calls {@link #loadState(Map)}.
     *
     * @param state a state from {@link SchedulerState#of}
     * @throws IllegalArgumentException if the state is null or of another type, or a value is missing or invalid
     */
    default void loadState(SchedulerState state) {
        String mine = getClass().getSimpleName();
        if (state == null) {
            throw new IllegalArgumentException(mine + ".loadState: state is null");
        }
        if (!state.type().equals(mine)) {
            throw new IllegalArgumentException(mine + ".loadState: the state is from " + state.type() + ", not "
                    + mine);
        }
        loadState(state.values());
    }
}
