package org.autograd4j.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.autograd4j.examples.cli.run.Evaluation;
import org.autograd4j.examples.cli.run.SavedModel;
import org.autograd4j.nn.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate}: scores a saved model on labelled data — accuracy, precision, recall, F1, confusion matrix and loss
 * for a classifier; loss, MSE, MAE and R² for a regression.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scores a model saved by train on labelled data (a CSV file or a built-in dataset name).",
            "Example:",
            "  evaluate --model runs/wdbc/model.ag4j wdbc_validation.csv"})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", description = "The model file.")
    private Path model;

    @Parameters(paramLabel = "DATA", description = "A CSV file laid out as the training data, or a built-in dataset"
            + " (for mnist: its test set).")
    private String data;

    @Mixin
    private CsvOptions csv;

    @Mixin
    private MnistOption mnist;

    @Override
    public Integer call() {
        SavedModel saved = SavedModel.load(model);
        Dataset rows = saved.data(data, csv.apply(saved.meta().format()), mnist.dir(), csv.ignoreNames(),
                spec.commandLine().getErr());
        Evaluation e = Evaluation.of(saved.model(), saved.meta().loss(), saved.meta().pre(), rows,
                saved.meta().classNames().size());
        PrintWriter out = spec.commandLine().getOut();
        e.lines(data, saved.meta().classNames()).forEach(out::println);
        out.flush();
        return 0;
    }
}
