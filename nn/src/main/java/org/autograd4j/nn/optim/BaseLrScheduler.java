package org.autograd4j.nn.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the schedulers of this package share: the checked optimizer, every group's base learning rate (its rate when
 * the scheduler was built, PyTorch's {@code base_lrs}), the epoch counter ({@link #lastEpoch()}), {@link #lastLr()},
 * and the frame of {@link #state()} / {@link #loadState} ({@code last_epoch}); subclasses add their own counters
 * through {@link #exportState} and {@link #importState}.
 *
 * <p>A schedule with a closed form (the rate at epoch {@code e} from the base rate) overrides {@link #lrAt} (or
 * {@link #setGroup}); then {@link #applyClosedForm()} sets every group's rate, and {@link SequentialLr} can restart it
 * at epoch 0.
 */
abstract class BaseLrScheduler implements LrScheduler {
    /** The scheduler's name in messages. */
    final String name;
    final Optimizer optimizer;
    /** Each group's base learning rate; restored with the state by the schedules that save {@code base_lr}. */
    final double[] baseLrs;
    /** The number of epochs stepped so far; each subclass's step counts its epoch here. */
    int lastEpoch;

    /** Checks the optimizer, before the subclass checks its own arguments, and reads its groups' rates. */
    BaseLrScheduler(String name, Optimizer optimizer) {
        this.name = name;
        this.optimizer = Check.notNull(name, "optimizer", optimizer);
        this.baseLrs = new double[optimizer.groupCount()];
        for (int g = 0; g < baseLrs.length; g++) {
            baseLrs[g] = optimizer.learningRate(g);
        }
    }

    @Override
    public final double lastLr() {
        return optimizer.learningRate();
    }

    @Override
    public final int lastEpoch() {
        return lastEpoch;
    }

    /**
     * The learning rate of a group whose base rate is {@code base}, at epoch {@code epoch}; only for schedules with a
     * closed form.
     *
     * @throws UnsupportedOperationException for a schedule without one
     */
    double lrAt(double base, int epoch) {
        throw new UnsupportedOperationException(name + " has no closed form");
    }

    /** Sets every group's learning rate for {@link #lastEpoch} ({@link #setGroup}). */
    final void applyClosedForm() {
        for (int g = 0; g < baseLrs.length; g++) {
            setGroup(g);
        }
    }

    /** Sets group {@code g}'s learning rate to {@link #lrAt} its base rate at {@link #lastEpoch}. */
    void setGroup(int g) {
        optimizer.setLearningRate(g, lrAt(baseLrs[g], lastEpoch));
    }

    /** Multiplies every group's learning rate by {@code factor} (the chainable form of PyTorch's step). */
    final void scaleAll(double factor) {
        for (int g = 0; g < baseLrs.length; g++) {
            optimizer.setLearningRate(g, optimizer.learningRate(g) * factor);
        }
    }

    /**
     * Starts this schedule again at epoch 0 from the given base rates, setting the rates of epoch 0, as PyTorch's
     * {@code SequentialLR} does at a milestone ({@code scheduler.step(0)}, the closed form).
     */
    void restart(double[] bases) {
        System.arraycopy(bases, 0, baseLrs, 0, baseLrs.length);
        lastEpoch = 0;
        applyClosedForm();
    }

    @Override
    public final Map<String, Double> state() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("last_epoch", (double) lastEpoch);
        exportState(out);
        return out;
    }

    /** Restores {@code last_epoch} and the subclass's counters; nothing changes if any value is missing or invalid. */
    @Override
    public final void loadState(Map<String, Double> state) {
        prepareLoad(name + ".loadState", state).run();
    }

    /** Reads and checks {@code state} without changing this scheduler; returns the change that loads it. */
    final Runnable prepareLoad(String op, Map<String, Double> state) {
        int epoch = Check.count(op, state, "last_epoch");
        Runnable commit = importState(op, state);
        return () -> {
            lastEpoch = epoch;
            commit.run();
        };
    }

    /** Adds this scheduler's counters after {@code last_epoch}; by default there are none. */
    void exportState(Map<String, Double> out) {
    }

    /**
     * Reads and checks this scheduler's counters from {@code state} (naming {@code op} in messages) without changing
     * it; returns the change to apply. By default there are none.
     */
    Runnable importState(String op, Map<String, Double> state) {
        return () -> { };
    }

    /** Adds the base rates: {@code base_lr} for group 0 and {@code base_lr.<g>} for group {@code g >= 1}. */
    final void exportBaseLrs(Map<String, Double> out) {
        for (int g = 0; g < baseLrs.length; g++) {
            out.put(g == 0 ? "base_lr" : "base_lr." + g, baseLrs[g]);
        }
    }

    /** Reads the base rates {@link #exportBaseLrs} writes, one per group of the optimizer; returns their setter. */
    final Runnable importBaseLrs(String op, Map<String, Double> state) {
        double[] loaded = new double[baseLrs.length];
        for (int g = 0; g < loaded.length; g++) {
            String key = g == 0 ? "base_lr" : "base_lr." + g;
            loaded[g] = Check.nonNegative(op, key, Check.value(op, state, key));
        }
        if (state.containsKey("base_lr." + loaded.length)) {
            throw new IllegalArgumentException(op + ": the state has more base rates than the optimizer's "
                    + loaded.length + (loaded.length == 1 ? " group" : " groups"));
        }
        return () -> System.arraycopy(loaded, 0, baseLrs, 0, loaded.length);
    }
}
