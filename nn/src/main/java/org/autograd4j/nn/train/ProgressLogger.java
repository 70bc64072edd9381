package org.autograd4j.nn.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.autograd4j.nn.Module;

/**
 * Prints one line per epoch, the only thing in the training loop that prints:
 * {@code epoch 3/50 - loss 0.2345 - val_loss 0.2511 - accuracy 0.9620 - val_accuracy 0.9561 - 0.12s}.
 *
 * <p>Values print with four decimals (in scientific notation below 1e-3), in log order; the time is the epoch's wall
 * clock. {@link FitConfig.Builder#verbose(boolean)} adds one of these on {@code System.out}.
 *
 * <pre>{@code
 * Trainer.fit(model, loss, opt, train, validation, 50, new ProgressLogger(System.err));
 * }</pre>
 */
public final class ProgressLogger implements Callback {
    private final PrintStream out;
    private final boolean verbose;
    private int epochs;

    /**
     * Prints to {@code out}.
     *
     * @param out where to print, not null
     */
    public ProgressLogger(PrintStream out) {
        this(out, true);
    }

    /**
     * Prints to {@code out} if {@code verbose}, and nothing otherwise (a silenced logger can stay in a callback list).
     *
     * @param out where to print, not null
     * @param verbose whether to print
     * @throws IllegalArgumentException if {@code out} is null
     */
    public ProgressLogger(PrintStream out, boolean verbose) {
        if (out == null) {
            throw new IllegalArgumentException("ProgressLogger: out must not be null");
        }
        this.out = out;
        this.verbose = verbose;
    }

    /**
     * Whether this logger prints.
     *
     * @return true if it prints
     */
    public boolean verbose() {
        return verbose;
    }

    @Override
    public void onTrainBegin(Module model, int epochs) {
        this.epochs = epochs;
    }

    @Override
    public boolean onEpochEnd(int epoch, EpochLogs logs) {
        if (verbose) {
            out.println(line(epoch, epochs, logs));
        }
        return false;
    }

    /**
     * The line printed for an epoch.
     *
     * @param epoch  the epoch, from 1
     * @param epochs the number of epochs requested
     * @param logs the epoch's values
     * @return the line, without a line break
     */
    public static String line(int epoch, int epochs, EpochLogs logs) {
        StringBuilder b = new StringBuilder("epoch ").append(epoch).append('/').append(epochs);
        for (Map.Entry<String, Double> e : logs.values().entrySet()) {
            b.append(" - ").append(e.getKey()).append(' ').append(number(e.getValue()));
        }
        return b.append(" - ").append(String.format(Locale.ROOT, "%.2fs", logs.seconds())).toString();
    }

    private static String number(double v) {
        boolean tiny = v != 0 && Math.abs(v) < 1e-3;
        return String.format(Locale.ROOT, tiny ? "%.4e" : "%.4f", v);
    }
}
