package org.autograd4j.spark;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One epoch of data-parallel training.
 *
 * @param epoch                1-based
 * @param steps                optimizer steps taken (synchronous: one Spark job each; averaging: local steps per
 *                             partition, {@code jobs} rounds)
 * @param jobs                 Spark jobs run for the training steps (validation not counted)
 * @param trainLoss            the mean loss over the epoch's rows, each taken with the weights before its step
 * @param validationLoss       the mean loss on the validation rows after the epoch, if there are any
 * @param validationAccuracy   the share of validation rows classified right, for a classification loss
 * @param computeSeconds       per job, the slowest partition's own work (forward, backward, local steps), summed
 * @param communicationSeconds per job, the rest of its wall time (scheduling, broadcast, serialisation, the tree
 *                             aggregation), summed
 * @param driverSeconds        the driver's own work: optimizer steps, averaging
 * @param seconds              the epoch's wall time, validation and checkpoint included
 */
public record EpochStats(int epoch, int steps, int jobs, double trainLoss, OptionalDouble validationLoss,
        OptionalDouble validationAccuracy, double computeSeconds, double communicationSeconds, double driverSeconds,
        double seconds) {
    /**
     * One progress line, e.g.
     * {@code epoch 3: loss 0.1234  val_loss 0.1100  val_acc 0.9650  (15 jobs; compute 0.21 s, communication 1.02 s)}.
     *
     * @return the line, without a line break
     */
    public String line() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "epoch %d: loss %.4f", epoch, trainLoss));
        validationLoss.ifPresent(v -> b.append(String.format(Locale.ROOT, "  val_loss %.4f", v)));
        validationAccuracy.ifPresent(v -> b.append(String.format(Locale.ROOT, "  val_acc %.4f", v)));
        b.append(String.format(Locale.ROOT, "  (%d jobs; compute %.2f s, communication %.2f s, driver %.2f s)", jobs,
                computeSeconds, communicationSeconds, driverSeconds));
        return b.toString();
    }

    /** The fields as one comma-separated line (empty where absent), for checkpoints; {@link #parse} reads it. */
    String encode() {
        return epoch + "," + steps + "," + jobs + "," + trainLoss + "," + opt(validationLoss) + ","
                + opt(validationAccuracy) + "," + computeSeconds + "," + communicationSeconds + "," + driverSeconds
                + "," + seconds;
    }

    private static String opt(OptionalDouble v) {
        return v.isPresent() ? Double.toString(v.getAsDouble()) : "";
    }

    /** Reads {@link #encode}'s line. */
    static EpochStats parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 10) {
            throw new IllegalArgumentException("EpochStats: expected 10 fields, got '" + line + "'");
        }
        return new EpochStats(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                Double.parseDouble(f[3]), parseOpt(f[4]), parseOpt(f[5]), Double.parseDouble(f[6]),
                Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9]));
    }

    private static OptionalDouble parseOpt(String s) {
        return s.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(s));
    }
}
