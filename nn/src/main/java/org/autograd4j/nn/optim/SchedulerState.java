package org.autograd4j.nn.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A learning-rate scheduler's exported state with its type, as a model file holds it next to the optimizer's
 * ({@link org.autograd4j.nn.io.ModelIO}): the scheduler's class simple name and its {@link LrScheduler#state()}.
 *
 * <pre>{@code
 * SchedulerState s = SchedulerState.of(sched);   // OneCycleLr{last_epoch=120.0, ...}
 * fresh.loadState(s);                             // checks the type, then restores the counters
 * }</pre>
 *
 * @param type   the scheduler's class simple name, e.g. {@code "OneCycleLr"}
 * @param values its counters by name ({@code last_epoch}, ...), in a stable order
 */
public record SchedulerState(String type, Map<String, Double> values) {
    /**
     * Checks for nulls and keeps an unmodifiable copy of the values, in their order.
     *
     * @param type the scheduler's class simple name
     * @param values its counters by name; copied
     */
    public SchedulerState {
        Objects.requireNonNull(type, "SchedulerState: type is null");
        Objects.requireNonNull(values, "SchedulerState: values is null");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The state of {@code scheduler}.
     *
     * @param scheduler a scheduler of this package
     * @return its counters, with its type
     * @throws IllegalArgumentException if the scheduler is null or cannot export its state
     */
    public static SchedulerState of(LrScheduler scheduler) {
        Check.notNull("SchedulerState", "scheduler", scheduler);
        try {
            return new SchedulerState(scheduler.getClass().getSimpleName(), scheduler.state());
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("SchedulerState: " + e.getMessage(), e);
        }
    }
}
