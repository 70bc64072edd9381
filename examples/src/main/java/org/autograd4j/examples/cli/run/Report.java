package org.autograd4j.examples.cli.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.autograd4j.core.backend.BlasBackend;
import org.autograd4j.nn.Mlp;

/** The text a training run prints: a header before the epochs, the scores and the files written after them. */
public final class Report {
    private Report() {
    }

    /**
     * The first line {@code train} prints: which library runs the large matrix products, e.g. {@code backend: OpenBLAS
     * (kernel SkylakeX), 2 threads, on the Java arrays in place} or {@code backend: Java kernels (fallback: no native
     * BLAS for macosx-arm64: ...)} (see {@link BlasBackend}). Loads the natives.
     *
     * @return the line
     * @throws IllegalArgumentException when {@code autograd4j.blas} (or {@code AUTOGRAD4J_BLAS}) is set to a value
     *                                  that cannot run, with the valid ones
     */
    public static String backend() {
        try {
            return "backend: " + BlasBackend.describe();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * One line naming the data, the network and the optimizer, e.g. {@code wdbc: 455 training and 114 validation
     * rows; MLP 30-16-8-2 (relu, cross-entropy, 674 parameters); adam lr 0.001, batch 32, up to 200 epochs,
     * patience 15}.
     *
     * @param problem the data and its task
     * @param spec the run's settings
     * @param model the network
     * @param trainRows the number of training rows
     * @param validationRows the number of validation rows
     * @return the line, without a line break
     */
    public static String header(Problem problem, TrainSpec spec, Mlp model, int trainRows, int validationRows) {
        StringBuilder sizes = new StringBuilder();
        for (int s : model.sizes()) {
            sizes.append(sizes.length() == 0 ? "" : "-").append(s);
        }
        return String.format(Locale.ROOT, "%s: %d training and %d validation rows; MLP %s (%s%s, %s, %d parameters);"
                + " %s lr %s, batch %d, up to %d epochs, %s", problem.name(), trainRows, validationRows, sizes,
                Activations.id(spec.activation()), spec.dropout() > 0 ? ", dropout " + spec.dropout() : "",
                spec.loss().id(), model.parameterCount(), spec.optimizer().id(),
                spec.effectiveLr(), spec.batchSize(), spec.epochs(),
                spec.patience() > 0 ? "patience " + spec.patience() : "no early stopping");
    }

    /**
     * A number as a person would write it: a whole number without a fraction (7, not 7.0), else the shortest text that
     * reads back as the same float32 when the value is one (5.1, not 5.099999904632568), else the shortest for the
     * double; very large values keep their exponent ({@code 1.0E30}).
     *
     * @param v any value
     * @return the text
     */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        float f = (float) v;
        if (f == v) {
            return Float.toString(f);
        }
        return Double.toString(v);
    }

    /**
     * {@code text} for a message: at most 40 characters, cut with "..." (an echoed field may be a paragraph).
     *
     * @param text any text
     * @return the text, at most 40 characters
     */
    public static String cut(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /**
     * The epochs run, the scores on the validation (and test) rows, and every file written.
     *
     * @param out where to print
     * @param problem the data and its task
     * @param spec the run's settings
     * @param outcome the trained model with its history and scores
     * @param written the files written
     */
    public static void print(PrintWriter out, Problem problem, TrainSpec spec, Experiment.Outcome outcome,
            List<Path> written) {
        int ran = outcome.history().epochs();
        String restored = outcome.restoredEpoch().isPresent()
                ? "restored the weights of epoch " + outcome.restoredEpoch().getAsInt()
                : spec.patience() > 0 ? "no epoch had a finite validation loss; kept the last weights"
                : "kept the last weights";
        String stop = outcome.history().stoppedEpoch().isPresent() ? "stopped early; " + restored : restored;
        out.printf(Locale.ROOT, "trained %d epochs in %.1f s (%s)%n", ran, outcome.seconds(), stop);
        outcome.validation().lines("validation", problem.classNames()).forEach(out::println);
        if (outcome.test() != null) {
            outcome.test().lines("test", problem.classNames()).forEach(out::println);
        }
        for (Path p : written) {
            String name = p.getFileName().toString();
            String kind = name.endsWith(".png") ? "plot" : name.endsWith(".csv") ? "history" : "model";
            out.println(kind + ": " + p);
        }
        out.flush();
    }
}
