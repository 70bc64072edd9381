package org.autograd4j.nn.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the schedulers of this package share: the checked optimizer, the epoch counter ({@link #lastEpoch()}),
 * {@link #lastLr()}, and the frame of {@link #state()} / {@link #loadState} ({@code last_epoch}); subclasses add their
 * own counters through {@link #exportState} and {@link #importState}.
 */
abstract class BaseLrScheduler implements LrScheduler {
    /** The scheduler's name in messages. */
    final String name;
    final Optimizer optimizer;
    /** The number of epochs stepped so far; each subclass's step counts its epoch here. */
    int lastEpoch;

    /** Checks the optimizer, before the subclass checks its own arguments. */
    BaseLrScheduler(String name, Optimizer optimizer) {
        this.name = name;
        this.optimizer = Check.notNull(name, "optimizer", optimizer);
    }

    @Override
    public final double lastLr() {
        return optimizer.learningRate();
    }

    @Override
    public final int lastEpoch() {
        return lastEpoch;
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
        String op = name + ".loadState";
        int epoch = Check.count(op, state, "last_epoch");
        Runnable commit = importState(op, state);
        lastEpoch = epoch;
        commit.run();
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
}
