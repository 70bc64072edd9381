package org.autograd4j.nn.train;

import org.autograd4j.core.Tensor;

/**
 * The best value so far of one monitored metric, shared by {@link EarlyStopping} and {@link ModelCheckpoint}. A value
 * improves when it beats the best by more than {@code minDelta} (Keras's rule); NaN and infinities never improve (an
 * epoch whose loss overflowed is not a best epoch).
 */
final class Monitor {
    final String name;
    final boolean maximize;
    final double minDelta;
    private double best;
    private int bestEpoch;

    Monitor(String owner, String name, MonitorMode mode, double minDelta) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(owner + ": monitor must be a metric name, got '" + name + "'");
        }
        if (mode == null) {
            throw new IllegalArgumentException(owner + ": mode must not be null");
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException(owner + ": minDelta must be finite and >= 0, got " + minDelta);
        }
        this.name = name;
        this.maximize = mode.maximizes(name);
        this.minDelta = minDelta;
        reset();
    }

    void reset() {
        best = Double.NaN;
        bestEpoch = 0;
    }

    /** Reads the monitored value from the logs, or fails naming the metrics that were logged. */
    double value(String owner, EpochLogs logs) {
        if (!logs.has(name)) {
            throw new IllegalArgumentException(owner + ": monitored metric '" + name + "' is not in the logs "
                    + logs.values().keySet() + (name.startsWith("val_") ? "; val_ metrics need a validation loader"
                    : ""));
        }
        return logs.get(name);
    }

    /** Whether {@code v} improves on the best so far (always, for the first finite value). */
    boolean improves(double v) {
        if (!Double.isFinite(v)) {
            return false;
        }
        if (bestEpoch == 0) {
            return true;
        }
        return maximize ? v - minDelta > best : v + minDelta < best;
    }

    void accept(double v, int epoch) {
        best = v;
        bestEpoch = epoch;
    }

    /** Whether every value of every tensor is finite (a best epoch never holds NaN or infinite weights). */
    static boolean finite(java.util.Collection<Tensor> tensors) {
        for (Tensor t : tensors) {
            for (double x : t.toDoubleArray()) {
                if (!Double.isFinite(x)) {
                    return false;
                }
            }
        }
        return true;
    }

    double best() {
        return best;
    }

    int bestEpoch() {
        return bestEpoch;
    }
}
