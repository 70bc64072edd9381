package org.autograd4j.nn.train;

/** Whether a monitored metric improves by going down or up, for {@link EarlyStopping} and {@link ModelCheckpoint}. */
public enum MonitorMode {
    /** Lower is better (losses, errors). */
    MIN,
    /** Higher is better (accuracy, F1, R²). */
    MAX,
    /**
     * Decided from the name: MAX if it contains {@code acc}, {@code precision}, {@code recall}, {@code f1},
     * {@code auc} or {@code r2}; MIN otherwise (so {@code val_loss} and {@code mae} are minimised).
     */
    AUTO;

    /**
     * Whether a metric of this name is maximised under this mode.
     *
     * @param metric a metric's name, e.g. {@code val_loss}; read only by AUTO
     * @return true if higher is better
     */
    public boolean maximizes(String metric) {
        if (this != AUTO) {
            return this == MAX;
        }
        String m = metric.toLowerCase(java.util.Locale.ROOT);
        for (String up : new String[] {"acc", "precision", "recall", "f1", "auc", "r2"}) {
            if (m.contains(up)) {
                return true;
            }
        }
        return false;
    }
}
