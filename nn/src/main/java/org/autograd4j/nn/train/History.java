package org.autograd4j.nn.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Every metric of every epoch of one {@link Trainer#fit} run, as Keras's {@code History}: {@code get("loss")[e]} is
 * the training loss of epoch {@code e + 1}.
 *
 * <pre>{@code
 * History h = Trainer.fit(model, loss, opt, train, validation, 50, new EarlyStopping("val_loss", 5));
 * double[] val = h.get("val_loss");            // one value per epoch run
 * h.stoppedEpoch();                            // OptionalInt[17] if a callback stopped it after epoch 17
 * h.writeCsv(Path.of("history.csv"));
 * }</pre>
 */
public final class History {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final List<Double> seconds = new ArrayList<>();
    private int stoppedEpoch;
    private String captureRefusal;
    private boolean captured;

    /** An empty history; {@link Trainer} fills it. */
    History() {
    }

    /** Records the next epoch; every epoch must log the same names. */
    void append(EpochLogs logs) {
        if (!values.isEmpty() && !values.keySet().equals(logs.values().keySet())) {
            throw new IllegalStateException("History: epoch " + (epochs() + 1) + " logged " + logs.values().keySet()
                    + " but earlier epochs logged " + values.keySet() + " (a bug in the training loop)");
        }
        for (Map.Entry<String, Double> e : logs.values().entrySet()) {
            values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        seconds.add(logs.seconds());
    }

    /** Marks that a callback stopped training after {@code epoch}. */
    void stop(int epoch) {
        stoppedEpoch = epoch;
    }

    /**
     * The number of epochs run.
     *
     * @return the number of epochs, at least 1
     */
    public int epochs() {
        return seconds.size();
    }

    /**
     * The names recorded, in log order: {@code loss}, {@code val_loss}, then metrics and their {@code val_} twins.
     *
     * @return the names, unmodifiable
     */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /**
     * Whether a metric of this name was recorded.
     *
     * @param name a metric's name, e.g. {@code val_accuracy}
     * @return true if it was logged
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * The value of one metric for every epoch run.
     *
     * @param name a recorded metric's name
     * @return an array of length {@link #epochs()} (a copy)
     * @throws IllegalArgumentException if the metric was not recorded, naming those that were
     */
    public double[] get(String name) {
        List<Double> v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("History.get: no metric '" + name + "'; recorded: " + values.keySet());
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The value of one metric in the last epoch run.
     *
     * @param name a recorded metric's name
     * @return its value in the last epoch
     * @throws IllegalArgumentException if the metric was not recorded
     * @throws IllegalStateException    if no epoch was run
     */
    public double last(String name) {
        double[] v = get(name);
        if (v.length == 0) {
            throw new IllegalStateException("History.last: no epoch was recorded");
        }
        return v[v.length - 1];
    }

    /**
     * The epoch (from 1) with the best value of a metric; the first one on ties, NaN and infinite values never best.
     *
     * @param name a recorded metric's name
     * @param mode whether lower or higher is better
     * @return 0 if no value is finite
     * @throws IllegalArgumentException if the metric was not recorded
     */
    public int bestEpoch(String name, MonitorMode mode) {
        double[] v = get(name);
        boolean max = mode.maximizes(name);
        int best = 0;
        for (int e = 0; e < v.length; e++) {
            if (Double.isFinite(v[e]) && (best == 0 || (max ? v[e] > v[best - 1] : v[e] < v[best - 1]))) {
                best = e + 1;
            }
        }
        return best;
    }

    /**
     * The wall-clock seconds of every epoch.
     *
     * @return a new array of length {@link #epochs()}
     */
    public double[] seconds() {
        return seconds.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The epoch (from 1) after which a callback stopped training, or during which one stopped it after a batch
     * ({@link TerminateOnNaN}; that epoch is not recorded); empty if all requested epochs ran.
     *
     * @return the epoch, or empty
     */
    public OptionalInt stoppedEpoch() {
        return stoppedEpoch == 0 ? OptionalInt.empty() : OptionalInt.of(stoppedEpoch);
    }

    /**
     * Writes one row per epoch: {@code epoch,loss,val_loss,...,seconds}, values printed exactly (Java's shortest
     * round-trip form), UTF-8.
     *
     * @param file the file to write
     * @throws IOException if the file cannot be written
     */
    public void writeCsv(Path file) throws IOException {
        StringBuilder out = new StringBuilder("epoch");
        for (String name : values.keySet()) {
            out.append(',').append(name);
        }
        out.append(",seconds\n");
        for (int e = 0; e < epochs(); e++) {
            out.append(e + 1);
            for (List<Double> v : values.values()) {
                out.append(',').append(v.get(e));
            }
            out.append(',').append(seconds.get(e)).append('\n');
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    /**
     * Whether the training step was captured and replayed ({@link FitConfig.Builder#capture(boolean)}).
     *
     * @return true if at least one batch was replayed from a captured step
     */
    public boolean captured() {
        return captured;
    }

    /**
     * Why the training step could not be captured, when capture was asked for and training went on eagerly.
     *
     * @return the reason (the {@code CaptureException}'s message), or empty
     */
    public java.util.Optional<String> captureRefusal() {
        return java.util.Optional.ofNullable(captureRefusal);
    }

    void captureRefused(String reason) {
        captureRefusal = reason;
    }

    void markCaptured() {
        captured = true;
    }

    /** A summary, e.g. {@code History[epochs=12, names=[loss, val_loss], stoppedEpoch=12]}. */
    @Override
    public String toString() {
        return "History[epochs=" + epochs() + ", names=" + values.keySet()
                + (stoppedEpoch == 0 ? "" : ", stoppedEpoch=" + stoppedEpoch) + "]";
    }
}
