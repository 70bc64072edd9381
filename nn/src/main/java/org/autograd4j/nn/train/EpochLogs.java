package org.autograd4j.nn.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The results of one epoch, as {@link Callback}s see them: metric values by name, in the order {@code loss},
 * {@code val_loss}, then each configured metric followed by its {@code val_} twin; and the epoch's duration.
 *
 * @param values  metric values by name (copied, unmodifiable, in insertion order)
 * @param seconds the wall-clock time of the epoch (training and validation)
 */
public record EpochLogs(Map<String, Double> values, double seconds) {
    /**
     * Copies the values, keeping their order.
     *
     * @param values the metric values by name, in log order; copied
     * @param seconds the epoch's wall-clock time in seconds
     */
    public EpochLogs {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The value of one metric.
     *
     * @param name a logged metric's name, e.g. {@code val_loss}
     * @return its value
     * @throws IllegalArgumentException if the metric was not logged, naming those that were
     */
    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("EpochLogs.get: no metric '" + name + "' this epoch; logged: "
                    + values.keySet() + (name.startsWith("val_") ? " (val_ metrics need a validation loader)" : ""));
        }
        return v;
    }

    /**
     * Whether a metric of this name was logged.
     *
     * @param name a metric's name, e.g. {@code val_accuracy}
     * @return true if it was logged
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }
}
