package org.autograd4j.examples.cli.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.autograd4j.examples.data.Task;
import org.autograd4j.examples.cli.plot.Plots;
import org.autograd4j.nn.train.History;

/**
 * The same network trained from the same start with SGD, SGD with momentum, RMSprop and Adam, each with its default
 * learning rate and without early stopping, their training losses (log scale) drawn beside their validation losses
 * in {@value #FILE} ({@code train --compare-optimizers}).
 */
public final class OptimizerComparison {
    /** The plot's file name. */
    public static final String FILE = "optimizer_comparison.png";
    /** The optimizers compared, in plot order. */
    public static final List<OptimizerKind> COMPARED = List.of(OptimizerKind.SGD, OptimizerKind.MOMENTUM,
            OptimizerKind.RMSPROP, OptimizerKind.ADAM);

    private OptimizerComparison() {
    }

    /**
     * Trains {@code spec}'s network on {@code problem} once per optimizer of {@link #COMPARED}, prints a line for
     * each, and plots the losses in {@code dir}.
     *
     * @param problem the data
     * @param spec    the run; its optimizer, learning rate and patience are replaced
     * @param dir     the output folder (created if needed)
     * @param out     where to print
     * @return each optimizer's history, by name with its learning rate, e.g. {@code sgd (lr 0.1)}
     * @throws TrainingDiverged if one of the runs diverged
     */
    public static Map<String, History> run(Problem problem, TrainSpec spec, Path dir, PrintWriter out) {
        Outputs.prepare(dir);
        Map<String, History> runs = new LinkedHashMap<>();
        Map<String, double[]> train = new LinkedHashMap<>();
        Map<String, double[]> validation = new LinkedHashMap<>();
        for (OptimizerKind kind : COMPARED) {
            TrainSpec each = spec.withOptimizer(kind).withEpochs(spec.epochs(), 0);
            Experiment.Outcome o = Experiment.run(problem, each, null);
            String name = kind.id() + " (lr " + each.effectiveLr() + ")";
            runs.put(name, o.history());
            train.put(name, o.history().get("loss"));
            validation.put(name, o.history().get("val_loss"));
            out.printf(Locale.ROOT, "%-9s lr %-6s %d epochs: training loss %.4f, validation loss %.4f", kind.id(),
                    each.effectiveLr(), each.epochs(), o.history().last("loss"), o.validation().loss());
            out.println(o.validation().task() == Task.CLASSIFICATION
                    ? String.format(Locale.ROOT, ", accuracy %.4f", o.validation().accuracy()) : "");
        }
        String name = problem.name();
        Path plot = Plots.lines(dir.resolve(FILE), List.of(
                new Plots.Panel(name + ": training loss by optimizer", "training loss (log scale)", train, true),
                new Plots.Panel(name + ": validation loss by optimizer", "validation loss", validation, false)));
        out.println("plot: " + plot);
        out.flush();
        return runs;
    }
}
