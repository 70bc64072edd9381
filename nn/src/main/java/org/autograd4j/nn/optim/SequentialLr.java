package org.autograd4j.nn.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs schedules one after another, switching at milestone steps, as PyTorch's {@code SequentialLR}: schedule 0 runs
 * until {@code milestones[0]}, then schedule 1 starts again from epoch 0 (from the base rates), and so on. The usual
 * use is a warm-up followed by a decay:
 *
 * <pre>{@code
 * Optimizer opt = AdamW.builder(model.parameters()).lr(1e-3).build();
 * LrScheduler warmup = new LinearLr(opt, 0.1, 1.0, 5);
 * LrScheduler cosine = new CosineAnnealingLr(opt, 95, 1e-5);
 * LrScheduler sched = new SequentialLr(opt, List.of(warmup, cosine), List.of(5));
 * }</pre>
 *
 * <p>As in PyTorch, every schedule takes the rates the optimizer had before the first of them was built as its base
 * rates (build them one after the other, then this), and building this sets the rates of schedule 0 at epoch 0. Only
 * this package's schedules with a closed form can be sequenced ({@link ReduceLrOnPlateau} cannot, as in PyTorch).
 * Its state holds each schedule's under {@code <index>.<name>}; loading it sets the rates of the loaded step.
 */
public final class SequentialLr extends BaseLrScheduler {
    private static final String NAME = "SequentialLr";

    private final List<BaseLrScheduler> schedules;
    private final int[] milestones;

    /**
     * A sequence of schedules over {@code optimizer}.
     *
     * @param optimizer the optimizer whose learning rates this schedule sets
     * @param schedules  one or more schedules of this package, all over {@code optimizer}
     * @param milestones the steps at which the next schedule starts, one fewer than the schedules, increasing,
     *                   each {@code >= 1}
     * @throws IllegalArgumentException naming the schedule or milestone at fault
     */
    public SequentialLr(Optimizer optimizer, List<LrScheduler> schedules, List<Integer> milestones) {
        super(NAME, optimizer);
        Check.notNull(NAME, "schedules", schedules);
        Check.notNull(NAME, "milestones", milestones);
        if (schedules.isEmpty()) {
            throw new IllegalArgumentException(NAME + ": no schedules given");
        }
        List<BaseLrScheduler> own = new ArrayList<>();
        for (int i = 0; i < schedules.size(); i++) {
            own.add(checked(optimizer, i, schedules.get(i)));
        }
        if (milestones.size() != schedules.size() - 1) {
            throw new IllegalArgumentException(NAME + ": expected " + (schedules.size() - 1) + " milestones for "
                    + schedules.size() + " schedules, got " + milestones);
        }
        this.milestones = new int[milestones.size()];
        for (int i = 0; i < this.milestones.length; i++) {
            Integer m = milestones.get(i);
            if (m == null || m < 1 || (i > 0 && m <= this.milestones[i - 1])) {
                throw new IllegalArgumentException(NAME + ": milestones must be increasing and >= 1, got "
                        + milestones);
            }
            this.milestones[i] = m;
        }
        this.schedules = List.copyOf(own);
        double[] bases = own.get(0).baseLrs.clone();
        System.arraycopy(bases, 0, baseLrs, 0, bases.length);
        for (BaseLrScheduler s : own) {
            s.restart(bases);
        }
        own.get(0).restart(bases);
    }

    private static BaseLrScheduler checked(Optimizer optimizer, int i, LrScheduler s) {
        if (s == null) {
            throw new IllegalArgumentException(NAME + ": schedule " + i + " is null");
        }
        if (s instanceof ReduceLrOnPlateau || s instanceof SequentialLr || !(s instanceof BaseLrScheduler own)) {
            throw new IllegalArgumentException(NAME + ": schedule " + i + " is a " + s.getClass().getSimpleName()
                    + "; only this package's schedules with a closed form can be sequenced");
        }
        if (own.optimizer != optimizer) {
            throw new IllegalArgumentException(NAME + ": schedule " + i + " is over another optimizer");
        }
        return own;
    }

    /** Ends a step: at a milestone the next schedule starts at epoch 0, otherwise the current one steps. */
    @Override
    public void step() {
        lastEpoch++;
        int idx = active(lastEpoch);
        BaseLrScheduler s = schedules.get(idx);
        if (idx > 0 && milestones[idx - 1] == lastEpoch) {
            s.restart(baseLrs);
        } else {
            s.step();
        }
    }

    /** The index of the schedule that runs at {@code epoch}. */
    private int active(int epoch) {
        int idx = 0;
        while (idx < milestones.length && milestones[idx] <= epoch) {
            idx++;
        }
        return idx;
    }

    /** Adds the base rates and each schedule's state, as {@code <index>.<name>}. */
    @Override
    void exportState(Map<String, Double> out) {
        exportBaseLrs(out);
        for (int i = 0; i < schedules.size(); i++) {
            String prefix = i + ".";
            schedules.get(i).state().forEach((k, v) -> out.put(prefix + k, v));
        }
    }

    @Override
    Runnable importState(String op, Map<String, Double> state) {
        List<Runnable> commits = new ArrayList<>();
        commits.add(importBaseLrs(op, state));
        for (int i = 0; i < schedules.size(); i++) {
            String prefix = i + ".";
            Map<String, Double> sub = new LinkedHashMap<>();
            state.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    sub.put(k.substring(prefix.length()), v);
                }
            });
            commits.add(schedules.get(i).prepareLoad(op + ": schedule " + i, sub));
        }
        return () -> {
            commits.forEach(Runnable::run);
            schedules.get(active(lastEpoch)).applyClosedForm();
        };
    }
}
