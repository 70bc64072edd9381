package org.autograd4j.examples;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.autograd4j.examples.data.Builtin;
import org.autograd4j.examples.plot.Plots;
import org.autograd4j.examples.run.Experiment;
import org.autograd4j.examples.run.OptimizerKind;
import org.autograd4j.examples.run.Outputs;
import org.autograd4j.examples.run.Problem;
import org.autograd4j.examples.run.Recipes;
import org.autograd4j.examples.run.TrainSpec;
import org.autograd4j.nn.train.History;

/**
 * The main job: the Wisconsin diagnostic breast-cancer data (569 fine-needle aspirates, 30 features, benign or
 * malignant), standardised on a stratified 80% training split, an MLP 30-32-16-2 with ReLU, Adam, early stopping on
 * the validation loss with the best weights restored. Prints a line per epoch and the validation accuracy, precision,
 * recall, F1, confusion matrix and loss (about 96–98%, as the literature reports), and saves the learning curves.
 *
 * <p>It then trains the same network from the same start with SGD, SGD with momentum, RMSprop and Adam for a fixed
 * number of epochs and draws their training and validation losses in one picture, {@code optimizer_comparison.png}.
 *
 * <p>Run: {@code java -cp examples/target/autograd4j-examples.jar org.autograd4j.examples.BreastCancer [OUTPUT_DIR]};
 * the {@code train} command with no arguments runs the first part.
 */
public final class BreastCancer {
    /** The file name of the optimizer comparison. */
    public static final String COMPARISON = "optimizer_comparison.png";
    /** The optimizers compared, in plot order. */
    public static final List<OptimizerKind> COMPARED = List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM,
            OptimizerKind.RMSPROP, OptimizerKind.ADAM);

    private BreastCancer() {
    }

    /** The problem: WDBC as shipped. */
    public static Problem problem() {
        return Problem.builtin(Builtin.WDBC, Recipes.SEED, null, -1);
    }

    /** Trains the default model, saves and reports in {@code dir}. */
    public static Examples.Result run(Path dir, PrintWriter out) {
        return Examples.trainAndSave(problem(), Recipes.of(Builtin.WDBC), dir, out);
    }

    /**
     * Trains the default network with each of {@link #COMPARED} (its default learning rate) for {@code epochs}
     * epochs without early stopping, and plots the training losses (log scale) beside the validation losses.
     *
     * @return each optimizer's history, by name; the plot is {@code dir/}{@value #COMPARISON}
     */
    public static Map<String, History> compareOptimizers(Path dir, PrintWriter out, int epochs) {
        Outputs.prepare(dir);
        Map<String, History> runs = new LinkedHashMap<>();
        Map<String, double[]> train = new LinkedHashMap<>();
        Map<String, double[]> validation = new LinkedHashMap<>();
        for (OptimizerKind kind : COMPARED) {
            TrainSpec spec = Recipes.of(Builtin.WDBC).withOptimizer(kind).withEpochs(epochs, 0);
            Experiment.Outcome o = Experiment.run(problem(), spec, null);
            String name = kind.id() + " (lr " + spec.effectiveLr() + ")";
            runs.put(name, o.history());
            train.put(name, o.history().get("loss"));
            validation.put(name, o.history().get("val_loss"));
            out.printf(Locale.ROOT, "%-9s lr %-6s %d epochs: training loss %.4f, validation loss %.4f, accuracy"
                    + " %.4f%n", kind.id(), spec.effectiveLr(), epochs, o.history().last("loss"),
                    o.validation().loss(), o.validation().accuracy());
        }
        Path plot = Plots.lines(dir.resolve(COMPARISON), List.of(
                new Plots.Panel("WDBC: training loss by optimizer", "training loss (log scale)", train, true),
                new Plots.Panel("WDBC: validation loss by optimizer", "validation loss", validation, false)));
        out.println("plot: " + plot);
        out.flush();
        return runs;
    }

    /** Runs the example; the optional argument is the output folder (default {@code runs/wdbc}). */
    public static void main(String[] args) {
        Path dir = Examples.outputDir(args, "wdbc");
        PrintWriter out = Examples.stdout();
        run(dir, out);
        out.println();
        out.println("comparing optimizers on the same network and split:");
        compareOptimizers(dir, out, 60);
    }
}
